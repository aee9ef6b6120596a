#define VNUM_IMPLEMENTATION
#include <vnum/vnum.hpp>
#include <iostream>
int main() { std::cout << *vnum::phone::normalize_au("0400 000 000") << '\n'; }
