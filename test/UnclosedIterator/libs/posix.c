// POSIX lists and streams: getifaddrs, getaddrinfo, popen, against the real
// glibc headers.
// RUN: %clang_analyze -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnclosedIterator -Xclang -verify %s

#define _GNU_SOURCE
#include <ifaddrs.h>
#include <net/if.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int first_up_interface(char *name, size_t len) {
  struct ifaddrs *ifs;
  if (getifaddrs(&ifs) == -1) {
    perror("getifaddrs");
    return -1;
  }
  for (struct ifaddrs *i = ifs; i; i = i->ifa_next) {
    if (!(i->ifa_flags & IFF_UP) || (i->ifa_flags & IFF_LOOPBACK))
      continue;
    snprintf(name, len, "%s", i->ifa_name);
    return 0; // expected-warning{{Iterator opened by 'getifaddrs' is not closed on this path; call 'freeifaddrs'}}
  }
  freeifaddrs(ifs);
  return -1;
}

int connect_to(const char *host, const char *port) {
  struct addrinfo hints, *res, *ai;
  memset(&hints, 0, sizeof hints);
  hints.ai_socktype = SOCK_STREAM;
  int rc = getaddrinfo(host, port, &hints, &res);
  if (rc != 0) {
    fprintf(stderr, "%s: %s\n", host, gai_strerror(rc));
    return -1;
  }
  int fd = -1;
  for (ai = res; ai; ai = ai->ai_next) {
    fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
    if (fd < 0)
      continue;
    if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
      break;
    close(fd);
    fd = -1;
  }
  freeaddrinfo(res);
  return fd; // no-warning
}

int resolve_first(const char *host, struct sockaddr_storage *out) {
  struct addrinfo *res;
  if (getaddrinfo(host, NULL, NULL, &res) != 0)
    return -1;
  if (res->ai_addrlen > sizeof *out)
    return -1; // expected-warning{{Iterator opened by 'getaddrinfo' is not closed on this path; call 'freeaddrinfo'}}
  memcpy(out, res->ai_addr, res->ai_addrlen);
  freeaddrinfo(res);
  return 0;
}

int git_head(char *out, size_t len) {
  FILE *p = popen("git rev-parse HEAD", "r");
  if (!p)
    return -1;
  if (!fgets(out, (int)len, p)) {
    fprintf(stderr, "no output\n");
    return -1; // expected-warning{{Iterator returned by 'popen' is not closed on this path; call 'pclose'}}
  }
  out[strcspn(out, "\n")] = '\0';
  return pclose(p) == 0 ? 0 : -1; // no-warning
}
