// sd_journal, sd_device_enumerator and libudev enumerations, against the
// real headers.
// REQUIRES: libsystemd, libudev
// RUN: %clang_analyze -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnclosedIterator -Xclang -verify %s

#include <errno.h>
#include <libudev.h>
#include <stdio.h>
#include <string.h>
#include <systemd/sd-device.h>
#include <systemd/sd-journal.h>

static int log_errno(int r, const char *what) {
  fprintf(stderr, "%s: %s\n", what, strerror(-r));
  return r;
}

int last_boot_messages(const char *unit, int max) {
  sd_journal *j;
  int r = sd_journal_open(&j, SD_JOURNAL_LOCAL_ONLY);
  if (r < 0)
    return log_errno(r, "open journal");
  char match[128];
  snprintf(match, sizeof match, "_SYSTEMD_UNIT=%s", unit);
  r = sd_journal_add_match(j, match, 0);
  if (r < 0)
    return log_errno(r, "add match"); // expected-warning{{Iterator opened by 'sd_journal_open' is not closed on this path; call 'sd_journal_close'}}
  int n = 0;
  SD_JOURNAL_FOREACH_BACKWARDS(j) {
    const void *data;
    size_t len;
    if (sd_journal_get_data(j, "MESSAGE", &data, &len) >= 0)
      printf("%.*s\n", (int)len, (const char *)data);
    if (++n >= max)
      break;
  }
  sd_journal_close(j);
  return n;
}

int journal_usage(unsigned long long *bytes) {
  __attribute__((cleanup(sd_journal_closep))) sd_journal *j = NULL;
  int r = sd_journal_open(&j, 0);
  if (r < 0)
    return r;
  r = sd_journal_get_usage(j, (uint64_t *)bytes);
  if (r < 0)
    return r; // no-warning
  return 0;   // no-warning
}

int count_block_devices(void) {
  sd_device_enumerator *e = NULL;
  int r = sd_device_enumerator_new(&e);
  if (r < 0)
    return r;
  r = sd_device_enumerator_add_match_subsystem(e, "block", 1);
  if (r < 0) {
    log_errno(r, "match");
    return r; // expected-warning{{Iterator opened by 'sd_device_enumerator_new' is not closed on this path; call 'sd_device_enumerator_unref'}}
  }
  int n = 0;
  for (sd_device *d = sd_device_enumerator_get_device_first(e); d;
       d = sd_device_enumerator_get_device_next(e))
    n++;
  sd_device_enumerator_unref(e);
  return n;
}

int first_input_device(struct udev *udev, char *out, size_t len) {
  struct udev_enumerate *en = udev_enumerate_new(udev);
  if (!en)
    return -ENOMEM;
  udev_enumerate_add_match_subsystem(en, "input");
  if (udev_enumerate_scan_devices(en) < 0)
    return -EIO; // expected-warning{{Iterator returned by 'udev_enumerate_new' is not closed on this path; call 'udev_enumerate_unref'}}
  struct udev_list_entry *entry;
  int found = -ENOENT;
  udev_list_entry_foreach(entry, udev_enumerate_get_list_entry(en)) {
    snprintf(out, len, "%s", udev_list_entry_get_name(entry));
    found = 0;
    break;
  }
  udev_enumerate_unref(en);
  return found; // no-warning
}
