import { sql, type SQL } from 'drizzle-orm';

/** earthdistance's `earth()`: the sphere its `earth_distance` measures on. */
const EARTH_RADIUS_M = 6378168;

/**
 * Great-circle metres between two points (haversine on earthdistance's sphere, so it agrees with
 * `earth_distance(ll_to_earth(…), ll_to_earth(…))` to well under a millimetre). For checks on a
 * handful of rows outside any index: `ll_to_earth` casts to the `earth` domain, whose checks cost
 * several times more than this arithmetic. Index-backed searches keep `ll_to_earth`.
 */
export const greatCircleMetresSql = (
  from: { lat: SQL; lng: SQL },
  to: { lat: SQL; lng: SQL },
): SQL => sql`(2 * ${sql.raw(String(EARTH_RADIUS_M))} * asin(sqrt(
  power(sin(radians(${to.lat} - ${from.lat}) / 2), 2)
  + cos(radians(${from.lat})) * cos(radians(${to.lat})) * power(sin(radians(${to.lng} - ${from.lng}) / 2), 2))))`;
