import { fixMeasureHomophones } from '../src/core/parse/voice.js';
for (const t of process.argv.slice(2)) console.log(JSON.stringify(fixMeasureHomophones(t)));
