import { sql, type SQL } from 'drizzle-orm';
import type { ScheduleMoment } from '../providers/provider-schedule.repo';

/**
 * SQL that is true when the provider whose id is `providerId` has no active booking (pending,
 * confirmed or in progress) at `moment` on its own clock. Without a time it is always true: a
 * booking fills part of a day, not the day. For search's availability filter, beside
 * `providerWorksAtSql`; the exclusion constraint's GiST index answers it.
 */
export const providerHasNoBookingAtSql = (providerId: SQL, { date, time }: ScheduleMoment): SQL =>
  time
    ? sql`NOT EXISTS (SELECT 1 FROM bookings booked
        WHERE booked.provider_id = ${providerId}
          AND booked.status IN ('pending', 'confirmed', 'in_progress')
          AND booked.slot @> ((${date}::date + ${time}::time)
            AT TIME ZONE (SELECT tz.time_zone FROM providers tz WHERE tz.id = ${providerId})))`
    : sql`TRUE`;
