// The C library's own scans: setpwent/getpwent/endpwent,
// setgrent/getgrent/endgrent, setutxent/getutxent/endutxent, against the
// real glibc headers. Nothing in the program names the scan (Handle: None):
// a function that ends it on some path must end it on every path out of it.
// RUN: %clang_analyze -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnclosedIterator -Xclang -verify %s

#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>
#include <utmpx.h>

/* --- passwd ---------------------------------------------------------- */

uid_t uid_of_home(const char *home) {
  struct passwd *pw;
  setpwent();
  while ((pw = getpwent()) != NULL) {
    if (pw->pw_dir && strcmp(pw->pw_dir, home) == 0)
      return pw->pw_uid; // expected-warning{{Scan started by 'setpwent' is not ended on this path; call 'endpwent'}}
  }
  endpwent();
  return (uid_t)-1;
}

int count_login_users(void) {
  struct passwd *pw;
  int n = 0;
  setpwent();
  errno = 0;
  while ((pw = getpwent()) != NULL) {
    if (strcmp(pw->pw_shell, "/usr/sbin/nologin") == 0)
      continue;
    ++n;
  }
  if (errno != 0) {
    syslog(LOG_ERR, "getpwent: %m");
    endpwent();
    return -1; // no-warning
  }
  endpwent();
  return n; // no-warning
}

// getpwent() starts the scan by itself.
const char *first_user_with_shell(const char *shell) {
  static char name[64];
  struct passwd *pw;
  while ((pw = getpwent()) != NULL)
    if (strcmp(pw->pw_shell, shell) == 0) {
      snprintf(name, sizeof name, "%s", pw->pw_name);
      goto found;
    }
  endpwent();
  return NULL;
found:
  return name; // expected-warning{{Scan started by 'getpwent' is not ended on this path; call 'endpwent'}}
}

// The reentrant form, with its error code.
int max_uid(uid_t *out) {
  struct passwd pwbuf, *pw;
  char buf[1024];
  uid_t best = 0;
  int rc;
  setpwent();
  while ((rc = getpwent_r(&pwbuf, buf, sizeof buf, &pw)) == 0) {
    if (pw->pw_uid == 65534)
      continue;
    if (pw->pw_uid > best)
      best = pw->pw_uid;
  }
  if (rc != ENOENT) {
    fprintf(stderr, "getpwent_r: %s\n", strerror(rc));
    return -1; // expected-warning{{Scan started by 'setpwent' is not ended on this path; call 'endpwent'}}
  }
  endpwent();
  *out = best;
  return 0;
}

// A function that never ends the scan leaves it to its caller: a wrapper
// that starts it is not a leak, its caller's early return is.
static void users_begin(void) { setpwent(); }
static void users_end(void) { endpwent(); }

int has_user(const char *name) {
  struct passwd *pw;
  users_begin();
  while ((pw = getpwent()) != NULL)
    if (strcmp(pw->pw_name, name) == 0) {
      users_end();
      return 1; // no-warning
    }
  users_end();
  return 0;
}

int has_user_through_wrapper(const char *name) {
  struct passwd *pw;
  users_begin();
  while ((pw = getpwent()) != NULL)
    if (strcmp(pw->pw_name, name) == 0)
      return 1; // expected-warning{{Scan started by 'setpwent' is not ended on this path; call 'endpwent'}}
  endpwent();
  return 0;
}

// A scan started and left open on purpose for the caller to continue.
struct passwd *next_user(void) {
  return getpwent(); // no-warning
}

// Ended by code we cannot see: no report.
void project_users_end(void);
int any_root(void) {
  struct passwd *pw;
  setpwent();
  while ((pw = getpwent()) != NULL)
    if (pw->pw_uid == 0) {
      project_users_end();
      return 1; // no-warning
    }
  endpwent();
  return 0;
}

// Exits with the scan open: the process ends it.
void list_users_or_die(FILE *out) {
  struct passwd *pw;
  setpwent();
  while ((pw = getpwent()) != NULL)
    if (fprintf(out, "%s\n", pw->pw_name) < 0) {
      perror("write");
      exit(1); // no-warning
    }
  endpwent();
}

/* --- group ----------------------------------------------------------- */

int user_in_any_group(const char *user, gid_t *gid) {
  struct group *gr;
  setgrent();
  while ((gr = getgrent()) != NULL) {
    for (char **m = gr->gr_mem; *m; ++m)
      if (strcmp(*m, user) == 0) {
        *gid = gr->gr_gid;
        return 1; // expected-warning{{Scan started by 'setgrent' is not ended on this path; call 'endgrent'}}
      }
  }
  endgrent();
  return 0;
}

int group_members(const char *group, char **out, int max) {
  struct group *gr;
  int n = 0;
  setgrent();
  for (;;) {
    gr = getgrent();
    if (!gr)
      break;
    if (strcmp(gr->gr_name, group) != 0)
      continue;
    for (char **m = gr->gr_mem; *m && n < max; ++m)
      out[n++] = strdup(*m);
    break;
  }
  endgrent();
  return n; // no-warning
}

/* --- utmpx ----------------------------------------------------------- */

int logged_in(const char *user) {
  struct utmpx *u;
  int found = 0;
  setutxent();
  while ((u = getutxent()) != NULL) {
    if (u->ut_type != USER_PROCESS)
      continue;
    if (strncmp(u->ut_user, user, sizeof u->ut_user) == 0) {
      found = 1;
      break;
    }
  }
  endutxent();
  return found; // no-warning
}

int tty_of(const char *user, char *tty, size_t len) {
  struct utmpx *u;
  setutxent();
  while ((u = getutxent()) != NULL) {
    if (u->ut_type != USER_PROCESS)
      continue;
    if (strncmp(u->ut_user, user, sizeof u->ut_user) != 0)
      continue;
    if (len <= sizeof u->ut_line) {
      syslog(LOG_WARNING, "tty name too long");
      return -1; // expected-warning{{Scan started by 'setutxent' is not ended on this path; call 'endutxent'}}
    }
    memcpy(tty, u->ut_line, sizeof u->ut_line);
    tty[sizeof u->ut_line] = '\0';
    break;
  }
  endutxent();
  return 0;
}

// Looking up one line with getutxline: ended on every path.
pid_t session_pid(const char *line) {
  struct utmpx key, *u;
  memset(&key, 0, sizeof key);
  strncpy(key.ut_line, line, sizeof key.ut_line);
  setutxent();
  u = getutxline(&key);
  if (!u) {
    endutxent();
    return -1; // no-warning
  }
  pid_t pid = u->ut_pid;
  endutxent();
  return pid;
}

// Another file: utmpxname ends the scan of the current one first.
int count_wtmp_boots(const char *path) {
  struct utmpx *u;
  int n = 0;
  setutxent();
  if (utmpxname(path) != 0)
    return -1; // no-warning
  while ((u = getutxent()) != NULL)
    n += u->ut_type == BOOT_TIME;
  endutxent();
  return n;
}
