// The response examples of Cellcast's documentation, verbatim (developer.cellcast.com,
// section "sender-id"). Tests parse them, and the fake provider must reproduce them.
#ifndef VNUM_TESTS_CELLCAST_EXAMPLES_HPP
#define VNUM_TESTS_CELLCAST_EXAMPLES_HPP

#include <string_view>

namespace cellcast_examples {

// Purchase Virtual Number — 200 Success
inline constexpr std::string_view purchase_200 = R"json({
    "app_type": "web",
    "app_version": "1.0",
    "maintainence": 0,
    "new_version": 0,
    "force_update": 0,
    "invalid_token": 0,
    "refresh_token": "",
    "show_message": 1,
    "is_enc": false,
    "status": true,
    "message": "Payment is Successful. Dedicated Number has been assigned you.",
    "message_type": "toast",
    "data": {},
    "error": {}
})json";

// Purchase Virtual Number — 401 Unauthorized
inline constexpr std::string_view purchase_401 = R"json({
  "code": 401,
  "message": "Token expired",
  "stack": "APIError: Token expired ...."
})json";

// Custom Number — 200 Success request without OTP Verification
inline constexpr std::string_view custom_number_200_created = R"json({
"app_type": "web",
"app_version": "1.0",
"maintainence": 0,
"new_version": 0,
"force_update": 0,
"invalid_token": 0,
"refresh_token": "",
"show_message": 1,
"is_enc": false,
"status": true,
"message": "Custom number created",
"message_type": "toast",
"data": {
"success": true,
"message": "Success create new custom number"
},
"error": {}
})json";

// Custom Number — 200 Success request with OTP Verification
inline constexpr std::string_view custom_number_200_otp_sent = R"json({
"app_type": "web",
"app_version": "1.0",
"maintainence": 0,
"new_version": 0,
"force_update": 0,
"invalid_token": 0,
"refresh_token": "",
"show_message": 1,
"is_enc": false,
"status": true,
"message": "OTP sent to your number successfully",
"message_type": "toast",
"data": {
"success": true,
"message": "OTP sent to your number successfully"
},
"error": {}
})json";

// Custom Number — 400 Name is required
inline constexpr std::string_view custom_number_400_name_required = R"json({
"app_type": "web",
"app_version": "1.0",
"maintainence": 0,
"new_version": 0,
"force_update": 0,
"invalid_token": 0,
"refresh_token": "",
"show_message": 0,
"is_enc": false,
"status": false,
"message_type": "toast",
"message": "Name is required",
"data": {},
"error": {
"error": "name is not valid"
}
})json";

// Custom Number — 400 Number already exist
inline constexpr std::string_view custom_number_400_already_exists = R"json({
"maintainence": 0,
"new_version": 0,
"force_update": 0,
"invalid_token": 0,
"refresh_token": "",
"show_message": 0,
"is_enc": false,
"status": true,
"message": "Number already exist in system",
"message_type": "toast",
"data": {
"invalid_token": 0,
"refresh_token": "",
"app_type": "web",
"app_version": "1.0"
},
"error": {}
})json";

// Custom Number — 400 Mobile number is required
inline constexpr std::string_view custom_number_400_mobile_required = R"json({
"app_type": "web",
"app_version": "1.0",
"maintainence": 0,
"new_version": 0,
"force_update": 0,
"invalid_token": 0,
"refresh_token": "",
"show_message": 0,
"is_enc": false,
"status": false,
"message_type": "toast",
"message": "Mobile number is required",
"data": {},
"error": {
"email": "Mobile number is not valie"
}
})json";

// Custom Number — 400 Mobile number is invalid
inline constexpr std::string_view custom_number_400_mobile_invalid = R"json({
"app_type": "web",
"app_version": "1.0",
"maintainence": 0,
"new_version": 0,
"force_update": 0,
"invalid_token": 0,
"refresh_token": "",
"show_message": 0,
"is_enc": false,
"status": false,
"message_type": "toast",
"message": "Mobile number is not valid",
"data": {},
"error": {
"error": "Mobile number is not valid"
}
})json";

// Custom Number — 401 Unauthorized
inline constexpr std::string_view custom_number_401 = R"json({
"code": 401,
"message": "Token expired",
"stack": "APIError: Token expired ...."
})json";

// Unsubscribe Virtual Number — 200 Success
inline constexpr std::string_view unsubscribe_200 = R"json({
    "app_type": "web",
    "app_version": "1.0",
    "maintainence": 0,
    "new_version": 0,
    "force_update": 0,
    "invalid_token": 0,
    "refresh_token": "",
    "show_message": 1,
    "is_enc": false,
    "status": true,
    "message": "Virtual number has been unsubscribed successfully.",
    "message_type": "toast",
    "data": {},
    "error": {}
})json";

// Unsubscribe Virtual Number — 401 Unauthorized
inline constexpr std::string_view unsubscribe_401 = R"json({
  "code": 401,
  "message": "Token expired",
  "stack": "APIError: Token expired ...."
})json";

// Unsubscribe Virtual Number — 404 Not Found
inline constexpr std::string_view unsubscribe_404 = R"json({
  "code": 404,
  "message": "Virtual number not found",
  "stack": "APIError: Virtual number not found ...."
})json";

// Verify Custom Number — 200 Success (verify-custom-number.html)
inline constexpr std::string_view verify_custom_number_200 = R"json({
    "app_type": "web",
    "app_version": "1.0",
    "maintainence": 0,
    "new_version": 0,
    "force_update": 0,
    "invalid_token": 0,
    "refresh_token": "",
    "show_message": 0,
    "is_enc": false,
    "status": true,
    "message": "OTP Verified Successfully!",
    "message_type": "toast",
    "data": {},
    "error": {}
})json";

// Get List Credit Card — 200 Success (billing/get-list-credit-card.html). The stored page breaks
// off after the second card's "metadata"; its remaining fields follow the first card's, with "name"
// null as Stripe sends for a card saved without one, and the envelope closes with "error": {} like
// every sibling page.
inline constexpr std::string_view list_cards_200 = R"json({
    "app_type": "web",
    "app_version": "1.0",
    "maintainence": 0,
    "new_version": 0,
    "force_update": 0,
    "invalid_token": 0,
    "refresh_token": "",
    "show_message": 0,
    "is_enc": false,
    "status": true,
    "message": "Success",
    "message_type": "toast",
    "data": [
        {
            "id": "card_1QfFjoGOd000000000000000",
            "object": "card",
            "address_city": null,
            "address_country": null,
            "address_line1": null,
            "address_line1_check": null,
            "address_line2": null,
            "address_state": null,
            "address_zip": null,
            "address_zip_check": null,
            "allow_redisplay": "unspecified",
            "brand": "Visa",
            "country": "US",
            "customer": "cus_RHub0000000000",
            "cvc_check": "pass",
            "dynamic_last4": null,
            "exp_month": 2,
            "exp_year": 2034,
            "fingerprint": "66BK630000000000",
            "funding": "credit",
            "last4": "1111",
            "metadata": {},
            "name": "John Doe",
            "regulated_status": "unregulated",
            "tokenization_method": null,
            "wallet": null
        },
        {
            "id": "card_1QXjDzGOd000000000000000",
            "object": "card",
            "address_city": null,
            "address_country": null,
            "address_line1": null,
            "address_line1_check": null,
            "address_line2": null,
            "address_state": null,
            "address_zip": null,
            "address_zip_check": null,
            "allow_redisplay": "unspecified",
            "brand": "Visa",
            "country": "US",
            "customer": "cus_RHub0000000000",
            "cvc_check": "pass",
            "dynamic_last4": null,
            "exp_month": 4,
            "exp_year": 2026,
            "fingerprint": "tkLmXx0000000000",
            "funding": "credit",
            "last4": "4242",
            "metadata": {},
            "name": null,
            "regulated_status": "unregulated",
            "tokenization_method": null,
            "wallet": null
        }
    ],
    "error": {}
})json";

// GET /api/v1/customNumber, which no Cellcast page documents: the live API's answer as a public
// client logged it (no envelope; digits and alphanumeric sender ids mixed).
inline constexpr std::string_view list_custom_numbers_200 =
    R"json({"data":[{"number":"61402000002","name":"Reception"},{"number":"StJohnsWPH","name":"St Johns"}]})json";
inline constexpr std::string_view list_custom_numbers_200_empty = R"json({"data":[]})json";
inline constexpr std::string_view list_custom_numbers_401 =
    R"json({"code":401,"message":"Unauthorized"})json";

}  // namespace cellcast_examples

#endif  // VNUM_TESTS_CELLCAST_EXAMPLES_HPP
