// Reads one input per line on stdin and writes, per line, what vnum::phone::normalize_au makes of
// it: "= +61XXXXXXXXX" when accepted, "! <message>" when refused. tests/oracle/phone_oracle.py
// compares that with Python's phonenumbers.
#include <vnum/phone.hpp>

#include <iostream>
#include <string>

int main() {
  std::ios::sync_with_stdio(false);
  std::string line;
  while (std::getline(std::cin, line)) {
    auto r = vnum::phone::normalize_au(line);
    if (r)
      std::cout << "= " << *r << '\n';
    else
      std::cout << "! " << r.error().message << '\n';
  }
  return 0;
}
