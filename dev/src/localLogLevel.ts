// Local runs log warnings and errors only, unless asked for more. A module of its own, imported
// first: loggers read their level when they are made, and some are made as the services' modules load.
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
