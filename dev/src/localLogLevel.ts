// Local commands log warnings and errors only, unless asked for more. Powertools' Logger reads
// POWERTOOLS_LOG_LEVEL itself when a logger is made (the services' settings do not carry it), so this
// library default is the one variable the local entries set; a module of its own, imported first.
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
