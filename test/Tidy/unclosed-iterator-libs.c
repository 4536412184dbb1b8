// cvet-unclosed-iterator reads the default models through the same loader as
// the analyzer rule: families of real library headers are reported, and the
// shapes it leaves to the analyzer (scans without a handle, the flags of an
// LMDB transaction) stay silent.
// REQUIRES: cvet-tidy, lmdb
// RUN: %clang_tidy --checks='-*,cvet-unclosed-iterator' %s -- 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='warning:'

#define _GNU_SOURCE
#include <ifaddrs.h>
#include <lmdb.h>
#include <sys/socket.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>

int first_address(struct sockaddr_storage *out) {
  struct ifaddrs *ifs;
  if (getifaddrs(&ifs) != 0) {
    perror("getifaddrs");
    return -1;
  }
  if (!ifs || !ifs->ifa_addr) {
    fprintf(stderr, "no interface address\n");
    return -1;
    // CHECK: :[[@LINE-1]]:5: warning: Iterator opened by 'getifaddrs' is not closed on this path; call 'freeifaddrs' [cvet-unclosed-iterator]
  }
  memcpy(out, ifs->ifa_addr, sizeof(struct sockaddr));
  freeifaddrs(ifs);
  return 0;
}

// Left to the analyzer rule (docs/rules/unclosed-iterator.md).
uid_t uid_of_home(const char *home) {
  struct passwd *pw;
  setpwent();
  while ((pw = getpwent()) != NULL)
    if (strcmp(pw->pw_dir, home) == 0)
      return pw->pw_uid;
  endpwent();
  return (uid_t)-1;
}

long count_keys(MDB_env *env, MDB_dbi dbi) {
  MDB_txn *txn;
  MDB_cursor *cur;
  MDB_val k, v;
  long n = 0;
  if (mdb_txn_begin(env, NULL, MDB_RDONLY, &txn) != 0)
    return -1;
  if (mdb_cursor_open(txn, dbi, &cur) != 0) {
    mdb_txn_abort(txn);
    return -1;
  }
  while (mdb_cursor_get(cur, &k, &v, MDB_NEXT) == 0)
    ++n;
  mdb_txn_abort(txn);
  return n;
}
