// C++ the rule must get through: templates, lambdas, references, member
// maps, operator calls on maps of other key types, exceptions.
// RUN: %analyze_subrange -std=c++17 -Xclang -verify %s
// expected-no-diagnostics

#include <cstring>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct Index {
  std::map<int, const char *> byId;
  std::set<std::string> names;
  void add(int id, const char *s) { byId[id] = s; }
};

template <typename Map> void fill(Map &m, const char *text) {
  for (const char *p = text; *p; ++p)
    m[*p] = 1;
}

void templates(const char *text) {
  std::map<char, int> counts;
  fill(counts, text);
}

void lambdas(std::vector<std::string> &lines) {
  std::unordered_map<std::string, int> m;
  auto add = [&](const std::string &s) { m.emplace(s.substr(1), 1); };
  for (auto &l : lines)
    add(l);
}

void member_map(Index &ix, std::string &s) {
  ix.add(1, s.c_str());
  ix.names.insert(s.substr(2));
}

int exceptions(std::map<std::string_view, int> &m, const std::string &s) {
  try {
    return m.at(std::string_view(s).substr(1));
  } catch (...) {
    return -1;
  }
}
