// libpcap captures, dumpers and device lists, against the real header.
// REQUIRES: libpcap
// RUN: %clang_analyze -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnclosedIterator -Xclang -verify %s

#include <pcap/pcap.h>
#include <stdio.h>
#include <string.h>

int count_packets(const char *file, const char *filter) {
  char errbuf[PCAP_ERRBUF_SIZE];
  pcap_t *p = pcap_open_offline(file, errbuf);
  if (!p) {
    fprintf(stderr, "%s\n", errbuf);
    return -1;
  }
  struct bpf_program prog;
  if (pcap_compile(p, &prog, filter, 1, PCAP_NETMASK_UNKNOWN) < 0) {
    fprintf(stderr, "%s\n", pcap_geterr(p));
    return -1; // expected-warning{{Iterator returned by 'pcap_open_offline' is not closed on this path; call 'pcap_close'}}
  }
  if (pcap_setfilter(p, &prog) < 0) {
    pcap_freecode(&prog);
    pcap_close(p);
    return -1;
  }
  pcap_freecode(&prog);
  struct pcap_pkthdr *h;
  const u_char *data;
  int n = 0;
  while (pcap_next_ex(p, &h, &data) == 1)
    n++;
  pcap_close(p);
  return n; // no-warning
}

int capture_to_file(const char *dev, const char *out, int count) {
  char errbuf[PCAP_ERRBUF_SIZE];
  pcap_t *p = pcap_open_live(dev, 65535, 1, 1000, errbuf);
  if (p == NULL)
    return -1;
  pcap_dumper_t *d = pcap_dump_open(p, out);
  if (d == NULL) {
    pcap_close(p);
    return -1;
  }
  struct pcap_pkthdr *h;
  const u_char *data;
  for (int i = 0; i < count; i++) {
    int rc = pcap_next_ex(p, &h, &data);
    if (rc < 0) {
      pcap_close(p);
      return -1; // expected-warning{{Iterator returned by 'pcap_dump_open' is not closed on this path; call 'pcap_dump_close'}}
    }
    if (rc == 1)
      pcap_dump((u_char *)d, h, data);
  }
  pcap_dump_close(d);
  pcap_close(p);
  return 0;
}

int find_loopback(char *name, size_t len) {
  char errbuf[PCAP_ERRBUF_SIZE];
  pcap_if_t *devs;
  if (pcap_findalldevs(&devs, errbuf) != 0)
    return -1;
  for (pcap_if_t *d = devs; d; d = d->next)
    if (d->flags & PCAP_IF_LOOPBACK) {
      snprintf(name, len, "%s", d->name);
      return 0; // expected-warning{{Iterator opened by 'pcap_findalldevs' is not closed on this path; call 'pcap_freealldevs'}}
    }
  pcap_freealldevs(devs);
  return -1;
}
