// Model functions named with '::' match C++ functions and methods.
// RUN: %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet.UnclosedIterator:ModelFiles=%inputs/iter/cxx-model.yaml \
// RUN:   -verify %s

namespace store {
class Scan {
public:
  bool next();
};
class Table {
public:
  static Scan *openScan(Table *t);
  static void closeScan(Scan *s);
};
} // namespace store

// A different class with the same method names is not the model's.
namespace other {
struct Table {
  static store::Scan *openScan(Table *t);
};
} // namespace other

int scan_leak(store::Table *t) {
  store::Scan *s = store::Table::openScan(t);
  if (!s)
    return -1;
  int n = 0;
  if (!s->next())
    return 0; // expected-warning{{Iterator returned by 'store::Table::openScan' is not closed on this path; call 'store::Table::closeScan'}}
  ++n;
  store::Table::closeScan(s);
  return n;
}

void no_leak_scan_closed(store::Table *t) {
  store::Scan *s = store::Table::openScan(t);
  s->next();
  store::Table::closeScan(s); // no-warning
}

void no_leak_other_class(other::Table *t) {
  store::Scan *s = other::Table::openScan(t);
  (void)s; // no-warning: not in the model
}
