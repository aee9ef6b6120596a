// A translation unit that uses vnum (and so Boost.JSON) without defining VNUM_IMPLEMENTATION.
#include <vnum/vnum.hpp>

#include <iostream>

int run_user_code() {
  auto r = vnum::cellcast::parse_unsubscribe_virtual_number(
      {404, {}, R"({"code":404,"message":"Virtual number not found","stack":""})"});
  if (r || r.error().code != vnum::errc::not_found || r.error().message != "Virtual number not found") {
    std::cerr << "parse in the user unit failed\n";
    return 1;
  }
  std::cout << "two translation units, one VNUM_IMPLEMENTATION: ok\n";
  return 0;
}
