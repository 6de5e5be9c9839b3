// The learnertrack executable: all behaviour lives in app/ (the command line and the composition
// root); this file only hands over.
#include "app/cli.hpp"

int main(int argc, char** argv) {
  return lt::app::run_cli(argc, argv);
}
