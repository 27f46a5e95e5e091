import { z } from 'zod';

/** Each report has its own language, independent of the UI's. */
export const ReportLanguage = z.enum(['en', 'ru']);
export type ReportLanguage = z.infer<typeof ReportLanguage>;
