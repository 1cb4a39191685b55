// 今日概况: one site's day — an observation site's or a village's. Each card loads on its own, so a
// route the service does not offer (yet) shows its own polite error and the rest still work.
import { day, html, today } from '../ui.js';
import { BudgetCard } from './budget.js';
import { QuarantineDay } from './quarantine-day.js';
import { VillageDay } from './village-day.js';

export function SitePicker({ me, siteId, base, kinds }) {
  const sites = me.sites.filter((s) => !kinds || kinds.includes(s.kind));
  if (sites.length < 2) return null;
  return html`<nav class="tabs" aria-label="站点">
    ${sites.map(
      (s) =>
        html`<a href=${`#/${base}/${s.id}`} class=${s.id === siteId ? 'current' : ''}
          >${s.name}<span class="kind">${s.kind === 'village' ? '村' : '观察点'}</span></a
        >`,
    )}
  </nav>`;
}

export function DashboardPage({ me, siteId }) {
  const site = me.sites.find((s) => String(s.id) === siteId) ?? me.sites[0];
  if (!site) return html`<p class="muted">这个令牌没有可查看的站点。</p>`;
  const date = today(site.zone);
  return html`<section>
    <${SitePicker} me=${me} siteId=${site.id} base="site" />
    <h1>${site.name} · 今日概况 <small>${day(date)}</small></h1>
    ${
      site.kind === 'village'
        ? html`<${VillageDay} me=${me} site=${site} date=${date} />`
        : html`<${QuarantineDay} me=${me} site=${site} date=${date} />`
    }
    <div class="grid"><${BudgetCard} me=${me} site=${site} /></div>
  </section>`;
}
