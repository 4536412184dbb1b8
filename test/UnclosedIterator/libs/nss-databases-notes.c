// Path notes of a scan without a handle: where it started, where the path
// turned, and the report at the return that leaves it open.
// RUN: %clang_analyze -Xclang -analyzer-checker=cvet.UnclosedIterator -o %t.plist \
// RUN:   -Xclang -analyzer-output=text -Xclang -verify %s

#include <pwd.h>
#include <string.h>

int home_of(const char *user, char *out, size_t len) {
  struct passwd *pw;
  setpwent(); // expected-note{{Scan started by 'setpwent'}}
  while ((pw = getpwent()) != NULL) { // expected-note{{Assuming the condition is true}}
                                      // expected-note@-1{{Loop condition is true.  Entering loop body}}
    if (strcmp(pw->pw_name, user) != 0) // expected-note{{Taking false branch}}
      continue;
    if (strlen(pw->pw_dir) >= len) // expected-note{{Assuming the condition is true}}
                                   // expected-note@-1{{Taking true branch}}
      return -1; // expected-warning{{Scan started by 'setpwent' is not ended on this path; call 'endpwent'}}
                 // expected-note@-1{{Scan started by 'setpwent' is not ended on this path; call 'endpwent'}}
    strcpy(out, pw->pw_dir);
    break;
  }
  endpwent();
  return 0;
}
