import * as z from 'zod';

export const HealthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    db: z.enum(['sqlite', 'mysql']),
    queue: z.enum(['local', 'bullmq']),
    version: z.string(),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof HealthSchema>;
