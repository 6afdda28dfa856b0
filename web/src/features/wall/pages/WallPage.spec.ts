import { describe, expect, it, vi } from 'vitest';
import { pass } from '../../../test/clock';
import { settle } from '../../../test/render';
import { FEED_SIZE } from '../feed';
import { WALL_TOKEN_KEY } from '../token';
import { alert, answerQuietly, feedItem, figures, itemChange, kpiLive, problem, sector, settlementLoad } from '../testing/fixtures';
import { renderWall, TOKEN } from '../testing/render-wall';
import { WallServer } from '../testing/wall-server';

function quietServer(): WallServer {
  return answerQuietly(new WallServer());
}

/** Text as a person reads it: no-break spaces as plain ones, runs of space as one. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

describe('WallPage: opening it', () => {
  it('takes the token from #token=, keeps it on the device, removes it from the address and uses it as a bearer token only', async () => {
    const server = quietServer();
    const { wrapper } = await renderWall(server, `/wall#token=${TOKEN}`);

    expect(window.location.hash).toBe('');
    expect(window.location.pathname).toBe('/wall');
    expect(localStorage.getItem(WALL_TOKEN_KEY)).toBe(TOKEN);
    expect(wrapper.find('[data-testid="wall"]').exists()).toBe(true);
    // HTTP: the bearer header, never the session cookie.
    expect(server.requests.length).toBeGreaterThan(0);
    for (const r of server.requests) {
      expect(r.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(r.credentials).toBe('omit');
    }
    // graphql-ws: the same token in the connection's parameters.
    expect(server.connectionParams).toEqual([{ authorization: `Bearer ${TOKEN}` }]);
  });

  it('opened again without a token in the address, uses the token it kept', async () => {
    localStorage.setItem(WALL_TOKEN_KEY, 'kept-token');
    const server = quietServer();
    await renderWall(server, '/wall');
    expect(server.connectionParams).toEqual([{ authorization: 'Bearer kept-token' }]);
  });

  it('without a token, says in Russian how to connect it and connects to nothing', async () => {
    const server = quietServer();
    const { wrapper } = await renderWall(server, '/wall');
    const message = wrapper.get('[data-testid="wall-no-token"]');
    expect(message.text()).toContain('Стена не подключена');
    expect(message.text()).toContain('/wall#token=');
    expect(message.text()).toContain('API-токены');
    expect(server.sockets).toHaveLength(0);
    expect(server.requests).toHaveLength(0);
  });

  it('says the token is not valid when the server does not accept it', async () => {
    const server = quietServer().answer('WallSetup', { errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }] });
    const { wrapper } = await renderWall(server);
    expect(wrapper.get('[data-testid="wall-token-ended"]').text()).toContain('Токен стены недействителен');
    expect(wrapper.find('[data-testid="wall"]').exists()).toBe(false);
  });
});

describe('WallPage: the feed', () => {
  it('shows a new item’s number, kind, category, settlement and event, newest first', async () => {
    const server = quietServer();
    const { wrapper } = await renderWall(server);
    expect(wrapper.get('[data-testid="wall-feed"]').text()).toContain('Новых событий пока нет');

    server.push('WallItemEvents', itemChange(1, 101, 'REGISTERED'));
    server.push('WallItemEvents', itemChange(2, 102, 'CREATED', { kind: 'INCIDENT', category: { name: 'Дороги' }, settlement: { name: 'Добринское сельское поселение', shortName: 'Добринское с.п.' } }));
    await settle();

    const rows = wrapper.findAll('[data-testid="wall-feed-row"]');
    expect(rows.map((r) => r.attributes('data-number'))).toEqual(['2026-000002', '2026-000001']);
    const first = plain(rows[0]!.text());
    expect(first).toContain('2026-000002');
    expect(first).toContain('Инцидент');
    expect(first).toContain('Дороги');
    // The settlement without its kind, to fit the row.
    expect(first).toContain('Добринское с.п.');
    expect(first).toContain('новое');
    // 09:00 UTC is 12:00 in the municipality (Europe/Volgograd), whatever the machine's zone.
    expect(first).toMatch(/^12:00/);
  });

  it('keeps at most 30 rows, the newest first, and updates an item’s row where it stands', async () => {
    const server = quietServer();
    const { wrapper } = await renderWall(server);
    for (let n = 1; n <= FEED_SIZE + 5; n += 1) server.push('WallItemEvents', itemChange(n, 100 + n));
    await settle();

    const numbers = () => wrapper.findAll('[data-testid="wall-feed-row"]').map((r) => r.attributes('data-number'));
    expect(FEED_SIZE).toBe(30);
    expect(numbers()).toHaveLength(30);
    expect(numbers()[0]).toBe('2026-000035');
    expect(numbers()[29]).toBe('2026-000006');

    // Item 20 is assigned: its row changes in place, nothing moves, nothing is added.
    server.push('WallItemEvents', itemChange(20, 200, 'ASSIGNED', { category: { name: 'Канализация' } }));
    await settle();
    expect(numbers()).toHaveLength(30);
    expect(numbers()[15]).toBe('2026-000020');
    const row = wrapper.findAll('[data-testid="wall-feed-row"]')[15]!;
    expect(row.attributes('data-event')).toBe('ASSIGNED');
    expect(row.text()).toContain('Канализация');
    expect(row.text()).toContain('назначено');
  });

  it('starts with the newest items, loaded once, each with the time it came today or the day it came before, then adds what happens above them', async () => {
    const server = answerQuietly(new WallServer(), [feedItem(9), feedItem(8, { receivedAt: '2026-11-25T21:30:00.000Z' })]);
    const { wrapper } = await renderWall(server);
    const numbers = () => wrapper.findAll('[data-testid="wall-feed-row"]').map((r) => r.attributes('data-number'));
    expect(numbers()).toEqual(['2026-000009', '2026-000008']);
    // 08:00 UTC today is 11:00 in Volgograd; 21:30 UTC on the 25th is already the 26th there.
    expect(wrapper.findAll('.row__time').map((t) => t.text())).toEqual(['11:00', '26.11']);
    expect(wrapper.findAll('[data-testid="wall-feed-event"]').map((t) => t.text())).toEqual(['поступило', 'поступило']);
    expect(server.requests.filter((r) => r.operationName === 'WallRecentItems').map((r) => r.variables)).toEqual([{ first: 30 }]);

    server.push('WallItemEvents', itemChange(10, 110, 'CREATED'));
    await settle();
    expect(numbers()).toEqual(['2026-000010', '2026-000009', '2026-000008']);
  });

  it('counts a deadline down every second, in minutes and seconds in its last hour, then says how long it is overdue', async () => {
    const server = quietServer();
    const { wrapper } = await renderWall(server);
    // Due at 09:45:30 UTC; the clock stands at 09:00:00 UTC.
    server.push('WallItemEvents', itemChange(1, 101, 'REGISTERED', { dueAt: '2026-11-27T09:45:30.000Z', deadlineState: 'DUE_SOON' }));
    server.push('WallItemEvents', itemChange(2, 102, 'REGISTERED', { dueAt: '2026-11-30T12:00:00.000Z', deadlineState: 'ON_TRACK' }));
    server.push('WallItemEvents', itemChange(3, 103, 'REGISTERED', { dueAt: null, deadlineState: null }));
    await settle();
    const clock = (n: number) => wrapper.get(`[data-number="2026-00000${n}"] [data-testid="wall-countdown"]`);

    expect(clock(1).text()).toBe('осталось 45:30');
    expect(clock(1).attributes('data-state')).toBe('DUE_SOON');
    expect(clock(2).text()).toBe('осталось 3 д 3 ч');
    expect(clock(3).text()).toBe('без срока');

    await pass(1000);
    expect(clock(1).text()).toBe('осталось 45:29');

    // Near the deadline (the clock is moved, then ticks on by itself).
    vi.setSystemTime(new Date('2026-11-27T09:45:28.000Z'));
    await pass(1000);
    expect(clock(1).text()).toBe('осталось 00:01');
    await pass(2000);
    expect(clock(1).text()).toBe('просрочено на 00:01');
    expect(clock(1).attributes('data-state')).toBe('OVERDUE');

    vi.setSystemTime(new Date('2026-11-27T11:45:30.000Z'));
    await pass(1000);
    expect(clock(1).text()).toBe('просрочено на 2 ч');
  });
});

describe('WallPage: losing and regaining the server', () => {
  it('shows the stale marker while the socket is closed and hides it once it has reconnected', async () => {
    const server = quietServer();
    const { wrapper } = await renderWall(server);
    const stale = () => wrapper.find('[data-testid="wall-stale"]');
    expect(stale().exists()).toBe(false);
    expect(wrapper.find('[data-testid="wall-live"]').exists()).toBe(true);

    server.stop();
    await settle();
    expect(stale().exists()).toBe(true);
    expect(plain(stale().text())).toBe('Нет связи с сервером — показаны данные на 12:00. Переподключаемся…');
    expect(wrapper.find('[data-testid="wall-live"]').exists()).toBe(false);

    // It keeps trying while the server is away (back-off up to 10 s), and the marker stays.
    await pass(30_000);
    await settle();
    expect(stale().exists()).toBe(true);
    const attempts = server.sockets.length;
    expect(attempts).toBeGreaterThan(2);

    server.start();
    await pass(11_000);
    await settle();
    expect(stale().exists()).toBe(false);
    expect(wrapper.find('[data-testid="wall-live"]').exists()).toBe(true);
  });

  it('resubscribes after the last cursor it received, so the server replays what it missed', async () => {
    const server = quietServer();
    const { wrapper } = await renderWall(server);
    server.push('WallItemEvents', itemChange(1, 101));
    server.push('WallItemEvents', itemChange(2, 102));
    server.push('WallAlerts', alert(103, 'OVERDUE', 'Срок истёк', feedItem(1)));
    await settle();

    server.stop(1001);
    await settle();
    server.start();
    await pass(11_000);
    await settle();

    const subscriptions = (name: string) => server.subscribed.filter((s) => s.operationName === name).map((s) => s.variables.after ?? null);
    expect(subscriptions('WallItemEvents')).toEqual([null, '102']);
    expect(subscriptions('WallAlerts')).toEqual([null, '103']);
    // Figures have no cursor: they are simply heard again from the start.
    expect(subscriptions('WallSectors')).toHaveLength(2);
    expect(subscriptions('WallKpi')).toHaveLength(2);

    // A replayed event after the cursor lands in the feed like any other.
    server.push('WallItemEvents', itemChange(3, 104));
    await settle();
    expect(wrapper.findAll('[data-testid="wall-feed-row"]').map((r) => r.attributes('data-number'))).toEqual([
      '2026-000003',
      '2026-000002',
      '2026-000001',
    ]);
  });

  it('when its cursor has expired, reloads the feed and subscribes without a cursor', async () => {
    const server = quietServer();
    const { wrapper } = await renderWall(server);
    server.push('WallItemEvents', itemChange(1, 101));
    await settle();
    server.stop();
    await settle();
    server.answer('WallRecentItems', { data: { items: { nodes: [feedItem(7), feedItem(6)] } } });
    server.start();
    await pass(11_000);
    await settle();
    expect(server.subscribed.filter((s) => s.operationName === 'WallItemEvents').map((s) => s.variables.after ?? null)).toEqual([null, '101']);

    server.fail('WallItemEvents', [
      { message: 'after: that cursor is older than the events kept', extensions: { code: 'BAD_USER_INPUT', reason: 'CURSOR_EXPIRED' } },
    ]);
    await settle();

    expect(server.subscribed.filter((s) => s.operationName === 'WallItemEvents').map((s) => s.variables.after ?? null)).toEqual([null, '101', null]);
    expect(server.running('WallItemEvents')).toHaveLength(1);
    expect(wrapper.findAll('[data-testid="wall-feed-row"]').map((r) => r.attributes('data-number'))).toEqual(['2026-000007', '2026-000006']);
  });

  it('drops a socket that stops answering its pings and connects again', async () => {
    const server = quietServer();
    const { wrapper } = await renderWall(server);
    server.answersPings = false;
    // A ping after 10 s, its pong awaited 5 s.
    await pass(15_000);
    await settle();
    expect(wrapper.find('[data-testid="wall-stale"]').exists()).toBe(true);
    server.answersPings = true;
    await pass(11_000);
    await settle();
    expect(wrapper.find('[data-testid="wall-stale"]').exists()).toBe(false);
    expect(server.connectionParams.length).toBeGreaterThanOrEqual(2);
  });

  it('after a close graphql-ws gives up on (4500: the server failed while it started), connects again with a fresh client', async () => {
    const server = quietServer();
    const { wrapper } = await renderWall(server);
    server.closeSockets(4500, 'Internal server error');
    await settle();
    expect(wrapper.find('[data-testid="wall-stale"]').exists()).toBe(true);
    await pass(11_000);
    await settle();
    expect(wrapper.find('[data-testid="wall-stale"]').exists()).toBe(false);
    expect(server.connectionParams).toHaveLength(2);
    expect(server.running('WallItemEvents')).toHaveLength(1);
    expect(server.running('WallKpi')).toHaveLength(1);
  });

  it('when the server ends the token (close 4401), says the token is not valid and stops trying', async () => {
    const server = quietServer();
    const { wrapper } = await renderWall(server);
    server.closeSockets(4401, 'Your token has ended');
    await settle();
    expect(wrapper.get('[data-testid="wall-token-ended"]').text()).toContain('Токен стены недействителен');
    const sockets = server.sockets.length;
    await pass(60_000);
    await settle();
    expect(server.sockets).toHaveLength(sockets);
  });

  it('asks for the map and the problems again after reconnecting', async () => {
    const server = quietServer();
    await renderWall(server);
    const asked = (name: string) => server.requests.filter((r) => r.operationName === name).length;
    expect([asked('WallSettlementLoad'), asked('WallProblems')]).toEqual([1, 1]);
    server.stop();
    await settle();
    server.start();
    await pass(11_000);
    await settle();
    expect([asked('WallSettlementLoad'), asked('WallProblems')]).toEqual([2, 2]);
  });
});

describe('WallPage: alerts', () => {
  it('an urgent item takes over the screen for 15 seconds, then the wall is back', async () => {
    const server = quietServer();
    const { wrapper } = await renderWall(server);
    const takeover = () => wrapper.find('[data-testid="wall-alert"]');
    expect(takeover().exists()).toBe(false);

    server.push('WallAlerts', alert(201, 'URGENT_ITEM', 'Срочное: прорыв водопровода', feedItem(5, { urgent: true, dueAt: '2026-11-27T10:00:00.000Z' })));
    await settle();
    expect(takeover().exists()).toBe(true);
    expect(takeover().attributes('data-type')).toBe('URGENT_ITEM');
    const text = plain(takeover().text());
    expect(text).toContain('Срочное обращение');
    expect(text).toContain('Срочное: прорыв водопровода');
    expect(text).toContain('2026-000005');
    expect(text).toContain('осталось 1 ч');

    await pass(14_999);
    expect(takeover().exists()).toBe(true);
    await pass(1);
    expect(takeover().exists()).toBe(false);
  });

  it('shows a spike after the alert before it, each for its own 15 seconds', async () => {
    const server = quietServer();
    const { wrapper } = await renderWall(server);
    server.push('WallAlerts', alert(201, 'URGENT_ITEM', 'Срочное', feedItem(5)));
    server.push('WallAlerts', alert(202, 'SPIKE', 'Всплеск: 12 обращений о воде за час', null));
    await settle();
    const takeover = () => wrapper.find('[data-testid="wall-alert"]');
    expect(takeover().attributes('data-type')).toBe('URGENT_ITEM');
    await pass(15_000);
    expect(takeover().attributes('data-type')).toBe('SPIKE');
    expect(takeover().text()).toContain('Всплеск: 12 обращений о воде за час');
    await pass(15_000);
    expect(takeover().exists()).toBe(false);
  });

  it('does not take over the screen for an item overdue, nor for an alert replayed from long ago', async () => {
    const server = quietServer();
    const { wrapper } = await renderWall(server);
    server.push('WallAlerts', alert(201, 'OVERDUE', 'Срок истёк', feedItem(5)));
    server.push('WallAlerts', alert(202, 'URGENT_ITEM', 'Срочное', feedItem(6), '2026-11-27T08:00:00.000Z'));
    await settle();
    expect(wrapper.find('[data-testid="wall-alert"]').exists()).toBe(false);
  });
});

describe('WallPage: figures, sectors, map and problems', () => {
  it('shows the headline figures against their targets, with trend arrows coloured by which way is better', async () => {
    const server = quietServer();
    const { wrapper } = await renderWall(server);
    server.push(
      'WallKpi',
      kpiLive(
        figures({ received: 14, answered: 9 }),
        figures({ received: 10, answered: 9 }),
        figures({ onTimeShare: 0.82, overdueOpen: 7, satisfiedShare: 0.7, meanAnswerDays: 6.5 }, [
          { figure: 'ON_TIME_SHARE', target: 0.9, actual: 0.82, state: 'AT_RISK' },
          { figure: 'OVERDUE_OPEN', target: 5, actual: 7, state: 'FAILING', lower: true },
        ]),
        figures({ onTimeShare: 0.86, overdueOpen: 9, satisfiedShare: 0.7, meanAnswerDays: 7 }),
      ),
    );
    await settle();
    const tile = (key: string) => wrapper.get(`[data-testid="wall-kpi-${key}"]`);
    const value = (key: string) => plain(tile(key).get('[data-testid="wall-kpi-value"]').text());
    const trend = (key: string) => tile(key).find('[data-testid="wall-kpi-trend"]');

    expect(value('todayReceived')).toBe('14');
    expect(trend('todayReceived').attributes('data-trend')).toBe('up');
    // A volume is neither good nor bad.
    expect(trend('todayReceived').attributes('data-good')).toBe('none');
    expect(trend('todayAnswered').attributes('data-trend')).toBe('flat');

    expect(value('onTimeShare')).toBe('82 %');
    expect(tile('onTimeShare').attributes('data-state')).toBe('AT_RISK');
    expect(plain(tile('onTimeShare').get('[data-testid="wall-kpi-target"]').text())).toBe('цель не ниже 90 %');
    expect(tile('onTimeShare').text()).toContain('под угрозой');
    expect(trend('onTimeShare').attributes('data-trend')).toBe('down');
    expect(trend('onTimeShare').attributes('data-good')).toBe('false');

    expect(value('overdueOpen')).toBe('7');
    expect(tile('overdueOpen').attributes('data-state')).toBe('FAILING');
    expect(plain(tile('overdueOpen').get('[data-testid="wall-kpi-target"]').text())).toBe('цель не выше 5');
    // Fewer overdue than the month before: down, and that is good.
    expect(trend('overdueOpen').attributes('data-trend')).toBe('down');
    expect(trend('overdueOpen').attributes('data-good')).toBe('true');

    expect(tile('satisfiedShare').attributes('data-state')).toBe('NONE');
    expect(tile('satisfiedShare').text()).toContain('цель не задана');
    expect(value('meanAnswerDays')).toBe('6,5');
  });

  it('lists every sector with its traffic light and updates a sector whose figures moved', async () => {
    const server = quietServer();
    const { wrapper } = await renderWall(server);
    server.push('WallSectors', sector('ZHKH', 'ЖКХ', 'FAILING', { open: 40, overdue: 6, dueSoon: 3, receivedToday: 5 }));
    server.push('WallSectors', sector('ROADS', 'Дороги', 'ON_TRACK', { open: 12 }));
    server.push('WallSectors', sector('HEALTH', 'Здравоохранение', null));
    await settle();
    const rows = () => wrapper.findAll('[data-testid^="wall-sector-"][data-state]');
    // In alphabetical order, so a sector keeps its place on the screen.
    expect(rows().map((r) => [r.attributes('data-testid'), r.attributes('data-state')])).toEqual([
      ['wall-sector-ROADS', 'ON_TRACK'],
      ['wall-sector-ZHKH', 'FAILING'],
      ['wall-sector-HEALTH', 'NONE'],
    ]);
    const zhkh = wrapper.get('[data-testid="wall-sector-ZHKH"]');
    expect(zhkh.get('[data-testid="wall-sector-open"]').text()).toBe('40');
    expect(zhkh.get('[data-testid="wall-sector-overdue"]').text()).toBe('6');
    expect(zhkh.get('[data-testid="wall-sector-today"]').text()).toBe('+5');
    expect(zhkh.text()).toContain('не выполнено');

    server.push('WallSectors', sector('ZHKH', 'ЖКХ', 'AT_RISK', { open: 38, overdue: 2 }));
    await settle();
    expect(rows()).toHaveLength(3);
    expect(wrapper.get('[data-testid="wall-sector-ZHKH"]').attributes('data-state')).toBe('AT_RISK');
    expect(wrapper.get('[data-testid="wall-sector-ZHKH"] [data-testid="wall-sector-overdue"]').text()).toBe('2');
  });

  it('draws the settlements from their coordinates, coloured by overdue, with no tiles when none are set', async () => {
    const server = quietServer().answer('WallSettlementLoad', settlementLoad({ 'st-town': [40, 10], 'st-dobr': [5, 0], 'st-nchir': [20, 1] }));
    const { wrapper } = await renderWall(server);
    const spot = (id: string) => wrapper.get(`[data-testid="wall-map-settlement-${id}"]`);
    expect(spot('st-town').attributes('data-tone')).toBe('many');
    expect(spot('st-nchir').attributes('data-tone')).toBe('some');
    expect(spot('st-dobr').attributes('data-tone')).toBe('clear');
    const label = (id: string) => [spot(id).get('.spot__name').text(), plain(spot(id).get('[data-testid="wall-map-counts"]').text())];
    expect(label('st-town')).toEqual(['г. Суровикино', '40 / 10']);
    expect(label('st-dobr')).toEqual(['Добринское с.п.', '5 / 0']);
    expect(wrapper.find('[data-testid="wall-map-tiles"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="wall-map"] image').exists()).toBe(false);
  });

  it('lays tiles under the map when a tile template is set', async () => {
    const server = quietServer().answer('WallSetup', {
      data: {
        municipalities: [{ id: 'm-1', shortName: 'Суровикинский район', timezone: 'Europe/Volgograd' }],
        mapSettings: { tileUrl: 'https://tiles.example/{z}/{x}/{y}.png' },
      },
    });
    const { wrapper } = await renderWall(server);
    const images = wrapper.findAll('[data-testid="wall-map-tiles"] image');
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(image.attributes('href')).toMatch(/^https:\/\/tiles\.example\/\d+\/\d+\/\d+\.png$/);
  });

  it('asks for the map’s load again after item events, at most once every 10 seconds', async () => {
    const server = quietServer();
    await renderWall(server);
    const asked = () => server.requests.filter((r) => r.operationName === 'WallSettlementLoad').length;
    expect(asked()).toBe(1);

    // Right after the first load: the next one waits until 10 s have passed since it, whatever the events.
    for (let n = 1; n <= 5; n += 1) server.push('WallItemEvents', itemChange(n, 100 + n));
    await settle();
    expect(asked()).toBe(1);
    await pass(9_999);
    expect(asked()).toBe(1);
    await pass(1);
    await settle();
    expect(asked()).toBe(2);

    // Quiet for a while: the next event asks at once.
    await pass(20_000);
    server.push('WallItemEvents', itemChange(6, 106));
    await settle();
    expect(asked()).toBe(3);
  });

  it('lists the top five problems being dealt with and asks again every minute', async () => {
    let answer = [problem('p-1', 'Нет воды на ул. Ленина', 12, 'IN_WORK'), problem('p-2', 'Ямы на дороге к школе', 4)];
    const server = quietServer().answer('WallProblems', () => ({ data: { problems: { nodes: answer } } }));
    const { wrapper } = await renderWall(server);
    expect(server.requests.filter((r) => r.operationName === 'WallProblems').map((r) => r.variables)).toEqual([{ first: 5 }]);
    const titles = () => wrapper.findAll('[data-testid="wall-problem"]').map((p) => p.get('.problem__title').text());
    expect(titles()).toEqual(['Нет воды на ул. Ленина', 'Ямы на дороге к школе']);
    expect(plain(wrapper.findAll('[data-testid="wall-problem"]')[0]!.text())).toContain('обращений: 14');

    answer = [problem('p-3', 'Мусор у рынка', 20)];
    await pass(60_000);
    await settle();
    expect(titles()).toEqual(['Мусор у рынка']);
  });
});

describe('WallPage: running for days', () => {
  it('leaves no timer running and no socket open once it is closed', async () => {
    const server = quietServer();
    const { wrapper } = await renderWall(server);
    server.push('WallAlerts', alert(201, 'URGENT_ITEM', 'Срочное', feedItem(5)));
    server.push('WallItemEvents', itemChange(1, 101));
    await settle();
    wrapper.unmount();
    await settle();
    expect(vi.getTimerCount()).toBe(0);
    expect(server.sockets.every((s) => s.readyState === 3)).toBe(true);
    expect(server.active.size).toBe(0);
  });
});
