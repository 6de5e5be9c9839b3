// The server's log when its output is not a terminal (a file, a pipe, journald): lines are
// buffered and written in blocks, at most a second late, rather than flushed one by one. The
// default spdlog sink flushed every access-log line, a write system call per request and 5% of a
// busy learner list's CPU. Warnings and errors still flush at once, and so everything before them.
#pragma once

namespace lt::app {

// Installs the buffered default logger unless standard output is a terminal, where the coloured,
// line-by-line default stays. Call once, before serving.
void buffer_server_log_unless_terminal();

}  // namespace lt::app
