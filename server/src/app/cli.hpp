// The `learnertrack` command line: serve, migrate, tenant create, user create, backup, audit
// verify. Every command has --help; every failure prints a clear message and exits non-zero.
#pragma once

namespace lt::app {
int run_cli(int argc, char** argv);
}  // namespace lt::app
