import { customType } from 'drizzle-orm/pg-core';

/** Case-insensitive text (the `citext` extension): `A@x.in` and `a@x.in` are one e-mail. */
export const citext = customType<{ data: string }>({ dataType: () => 'citext' });
