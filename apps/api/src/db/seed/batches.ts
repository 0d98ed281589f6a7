/** ≤ 1000 rows per statement keeps every insert far below PostgreSQL's 65,535 parameters. */
export const BATCH_SIZE = 1000;

export const chunks = <T>(rows: readonly T[], size = BATCH_SIZE): T[][] =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) =>
    rows.slice(i * size, (i + 1) * size),
  );
