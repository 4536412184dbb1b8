#include "util.h"

int has_spool(void) { return dir_exists("/var/spool"); }
