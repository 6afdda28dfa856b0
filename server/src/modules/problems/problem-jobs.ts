import type { EntityManager } from '@mikro-orm/postgresql';
import { emit } from '../live/outbox.js';
import { Role } from '../auth/roles.js';
import { Notification } from '../notifications/notification.entity.js';
import { User } from '../users/user.entity.js';
import { ProblemMeasure } from './problem-measure.entity.js';
import { ACTIVE_PROBLEM_STATUSES, OPEN_MEASURE_STATUSES } from './problem.enums.js';
import type { Problem } from './problem.entity.js';

const BATCH = 500;

export type MeasureScanResult = { overdue: number; notified: number };

/**
 * Who hears that a measure is overdue: its owner, or (while nobody is named) the executors of its department, or
 * of the problem's; and the sector leads of the problem's sector and the head. Active people of the problem's
 * municipality only; each of them reads the problem (modules/problems/problem-access.ts).
 */
async function audienceOf(em: EntityManager, measure: ProblemMeasure, problem: Problem): Promise<string[]> {
  const active = { municipality: problem.municipality.id, active: true };
  const departmentId = measure.department?.id ?? problem.department?.id ?? null;
  const [owners, escalation] = await Promise.all([
    measure.owner
      ? em.find(User, { ...active, id: measure.owner.id })
      : departmentId
        ? em.find(User, { ...active, department: departmentId, roles: { $contains: [Role.EXECUTOR] } })
        : Promise.resolve([]),
    em.find(User, {
      ...active,
      $or: [{ roles: { $contains: [Role.HEAD] } }, ...(problem.sector ? [{ roles: { $contains: [Role.SECTOR_LEAD] }, sectors: problem.sector.id }] : [])],
    }),
  ]);
  return [...new Set([...owners, ...escalation].map((u) => u.id))];
}

/**
 * Announces each measure of a problem on the list once when its due date has passed (per due date: a measure
 * moved to a later date is announced again when that one passes), as in-app notifications. `em` sees every
 * municipality. The notifications carry the problem (the dashboard words them in the reader's language) and name it
 * in their text too; they carry no item.
 */
export async function scanProblemMeasures(em: EntityManager, now: Date): Promise<MeasureScanResult> {
  const statuses = [...OPEN_MEASURE_STATUSES];
  const problems = [...ACTIVE_PROBLEM_STATUSES];
  const rows: { id: string }[] = await em.getConnection().execute(
    `select m.id from problem_measure m join problem p on p.id = m.problem_id
     where m.status in (${statuses.map(() => '?').join(', ')}) and p.status in (${problems.map(() => '?').join(', ')})
       and m.due_at < ? and m.overdue_notified_for is distinct from m.due_at
     order by m.due_at limit ${BATCH}`,
    [...statuses, ...problems, now],
  );
  const result: MeasureScanResult = { overdue: 0, notified: 0 };
  if (!rows.length) return result;
  const measures = await em.find(ProblemMeasure, { id: { $in: rows.map((r) => r.id) } }, { populate: ['problem'], orderBy: { dueAt: 'asc' } });
  for (const m of measures) {
    const problem = m.problem.getEntity();
    const users = await audienceOf(em, m, problem);
    for (const user of users) {
      const n = em.create(Notification, {
        municipality: problem.municipality,
        user,
        type: 'MEASURE_OVERDUE',
        problem,
        message: `Просрочено мероприятие по проблеме «${problem.title}»: ${m.text}`,
        key: `MEASURE_OVERDUE:${m.id}:${user}:${m.dueAt.toISOString()}`,
      });
      emit(em, 'NOTIFICATION_ADDED', { municipalityId: problem.municipality.id, userId: user, notificationId: n.id, at: now.toISOString() }, now);
    }
    m.overdueNotifiedFor = m.dueAt;
    result.overdue += 1;
    result.notified += users.length;
  }
  await em.flush();
  return result;
}
