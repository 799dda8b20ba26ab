// Imported first by the benchmarks: the service's slow-query warnings would drown their output.
process.env.LOG_LEVEL ??= 'error';
