// The one translation unit of this program that defines VNUM_IMPLEMENTATION, and so compiles
// Boost.JSON's sources.
#define VNUM_IMPLEMENTATION
#include <vnum/vnum.hpp>

#include <iostream>

// Defined in user.cpp, which includes vnum without VNUM_IMPLEMENTATION.
int run_user_code();

int main() {
  auto receipt = vnum::cellcast::parse_purchase_virtual_number(
      {200, {}, R"({"status":true,"message":"Payment is Successful.","data":{},"error":{}})"});
  if (!receipt || receipt->message != "Payment is Successful.") {
    std::cerr << "parse in the implementation unit failed\n";
    return 1;
  }
  return run_user_code();
}
