// Mock of the standard containers: declared, not defined, so the analyzer
// does not see into them (as with c++-container-inlining=false).
#pragma clang system_header
#ifndef CVET_MOCK_CONTAINERS_H
#define CVET_MOCK_CONTAINERS_H
namespace std {
typedef unsigned long size_t;
template <class T> class vector {
  T *b_, *e_;

public:
  vector() : b_(0), e_(0) {}
  ~vector();
  void push_back(const T &x);
  void push_back(T &&x);
  template <class... A> void emplace_back(A &&...a);
  T *begin() { return b_; }
  T *end() { return e_; }
  size_t size() const { return e_ - b_; }
};
template <class K, class V> class map {
public:
  ~map();
  V &operator[](const K &k);
  template <class... A> void emplace(A &&...a);
};
} // namespace std
#endif
