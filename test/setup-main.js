// The parse workers share "the process's memory" (OGI_MEMORY_MB, default 1024: a Lambda's), less what the
// process itself holds. Here the process is jest running every suite in one process, which alone grows past
// a gigabyte, so the default would leave the local stacks inside it no room and the RSS watchdog would end
// ordinary parses. The main suites get the room of a process of their size; the bounds suite, alone in its
// own process, keeps the default and sets its own limits where it tests them.
process.env.OGI_MEMORY_MB = process.env.OGI_MEMORY_MB || '4096';
