#include <dirent.h>
#include <stdio.h>

// Refuses one combination of switches after opening the directory, and
// leaks it there.
static int show_dir(const char *path, int mask) {
  DIR *d = opendir(path);
  if (!d)
    return -1;
  if (mask == 0x7f) {
    fprintf(stderr, "%s: these switches cannot all be used together\n", path);
    return -2;
  }
  closedir(d);
  return 0;
}

// Reaches opendir only through show_dir: its exploration stops at
// cvet:IndirectMaxNodes (5000 nodes), before the 128th mask.
int show_command(const char *path, const int *sw) {
  int mask = 0;
  if (sw[0]) mask |= 0x01;
  if (sw[1]) mask |= 0x02;
  if (sw[2]) mask |= 0x04;
  if (sw[3]) mask |= 0x08;
  if (sw[4]) mask |= 0x10;
  if (sw[5]) mask |= 0x20;
  if (sw[6]) mask |= 0x40;
  return show_dir(path, mask);
}
