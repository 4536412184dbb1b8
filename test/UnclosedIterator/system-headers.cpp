// C++ with the real standard library: smart pointers with closedir as the
// deleter own the handle.
// RUN: %clang_analyze -std=c++17 -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnclosedIterator -Xclang -verify %s

#include <dirent.h>
#include <memory>
#include <string>
#include <vector>

struct DirCloser {
  void operator()(DIR *d) const { closedir(d); }
};

std::vector<std::string> no_leak_unique_ptr_functor(const char *path) {
  std::vector<std::string> names;
  std::unique_ptr<DIR, DirCloser> d(opendir(path));
  if (!d)
    return names;
  while (struct dirent *e = readdir(d.get()))
    names.push_back(e->d_name);
  return names; // no-warning
}

int no_leak_unique_ptr_function_pointer(const char *path) {
  std::unique_ptr<DIR, int (*)(DIR *)> d(opendir(path), closedir);
  if (!d)
    return -1;
  return readdir(d.get()) != nullptr; // no-warning
}

int no_leak_shared_ptr(const char *path) {
  std::shared_ptr<DIR> d(opendir(path), closedir);
  return d && readdir(d.get()) != nullptr; // no-warning
}

int leak_raw_pointer_in_cxx(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return -1;
  std::string first = readdir(d) ? "x" : "";
  return (int)first.size(); // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
}
