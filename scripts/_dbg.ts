import { findPlaces } from '../src/core/parse/places.js';
import { framedPlace, freeStandingPlace } from '../src/core/parse/places-free.js';
import { customerBeside } from '../src/core/parse/orders.js';
const t = process.argv[2] ?? '';
console.log(JSON.stringify(findPlaces(t)), JSON.stringify(framedPlace(t, null)), JSON.stringify(freeStandingPlace(t, t, [], null)), customerBeside(t, []));
