import pino from 'pino';

/** Structured JSON logs on stderr (stdout stays free for CLI output such as `npm run token`). */
export const logger = pino({ level: process.env.LOG_LEVEL || (process.env.NODE_ENV === 'test' ? 'silent' : 'info') }, pino.destination(2));
