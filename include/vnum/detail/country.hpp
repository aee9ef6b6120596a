// vnum — countries: the assigned ISO 3166-1 alpha-2 codes and the regions each E.164 country
// calling code serves. Provider-neutral; validators use it to check a country against a number.
// Lower detail level: needs nothing else of vnum; the core headers (error, http, phone) use it.
// SPDX-License-Identifier: MIT
#ifndef VNUM_DETAIL_COUNTRY_HPP
#define VNUM_DETAIL_COUNTRY_HPP

#include <cstddef>
#include <string_view>

namespace vnum::detail {

// The 249 officially assigned ISO 3166-1 alpha-2 codes, sorted, each followed by a space. User-
// assigned codes such as XK (Kosovo) are not among them.
inline constexpr std::string_view iso3166_alpha2_codes =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL "
    "BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV "
    "CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD "
    "GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM "
    "IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK "
    "LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW "
    "MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR "
    "PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS "
    "ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY "
    "UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW ";

// True for an officially assigned ISO 3166-1 alpha-2 code, in upper case.
// Looked up in a 26 x 26 table made from the list at compile time: every purchase checks a country,
// and a scan of the list was most of a builder's time.
struct alpha2_table {
  bool assigned[26][26] = {};
};

constexpr alpha2_table make_alpha2_table() noexcept {
  alpha2_table t;
  for (std::size_t i = 0; i + 2 <= iso3166_alpha2_codes.size(); i += 3)
    t.assigned[iso3166_alpha2_codes[i] - 'A'][iso3166_alpha2_codes[i + 1] - 'A'] = true;
  return t;
}

inline constexpr alpha2_table alpha2_codes = make_alpha2_table();

constexpr bool is_iso3166_alpha2(std::string_view code) noexcept {
  if (code.size() != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z')
    return false;
  return alpha2_codes.assigned[code[0] - 'A'][code[1] - 'A'];
}

// An ITU-T E.164 country calling code and the ISO 3166-1 regions whose numbers start with it,
// space-separated. +1 is the North American Numbering Plan: which NANP region a +1 number belongs
// to depends on its area code, which this table does not go into.
struct calling_code {
  std::string_view digits;
  std::string_view regions;
};

// Only codes that serve regions; global services (+800, +870, +881, +882, +883, +888, +979, ...)
// and +383 (Kosovo, whose XK is not an assigned ISO code) are left out. BV, HM and TF have no
// calling code. The codes are prefix-free, so a number starts with at most one of them.
inline constexpr calling_code calling_codes[] = {
    {"1", "US CA AG AI AS BB BM BS DM DO GD GU JM KN KY LC MP MS PR SX TC TT UM VC VG VI"},
    {"7", "RU KZ"},
    {"20", "EG"},
    {"27", "ZA"},
    {"30", "GR"},
    {"31", "NL"},
    {"32", "BE"},
    {"33", "FR"},
    {"34", "ES"},
    {"36", "HU"},
    {"39", "IT VA"},
    {"40", "RO"},
    {"41", "CH"},
    {"43", "AT"},
    {"44", "GB GG IM JE"},
    {"45", "DK"},
    {"46", "SE"},
    {"47", "NO SJ"},
    {"48", "PL"},
    {"49", "DE"},
    {"51", "PE"},
    {"52", "MX"},
    {"53", "CU"},
    {"54", "AR"},
    {"55", "BR"},
    {"56", "CL"},
    {"57", "CO"},
    {"58", "VE"},
    {"60", "MY"},
    {"61", "AU CC CX"},
    {"62", "ID"},
    {"63", "PH"},
    {"64", "NZ PN"},
    {"65", "SG"},
    {"66", "TH"},
    {"81", "JP"},
    {"82", "KR"},
    {"84", "VN"},
    {"86", "CN"},
    {"90", "TR"},
    {"91", "IN"},
    {"92", "PK"},
    {"93", "AF"},
    {"94", "LK"},
    {"95", "MM"},
    {"98", "IR"},
    {"211", "SS"},
    {"212", "MA EH"},
    {"213", "DZ"},
    {"216", "TN"},
    {"218", "LY"},
    {"220", "GM"},
    {"221", "SN"},
    {"222", "MR"},
    {"223", "ML"},
    {"224", "GN"},
    {"225", "CI"},
    {"226", "BF"},
    {"227", "NE"},
    {"228", "TG"},
    {"229", "BJ"},
    {"230", "MU"},
    {"231", "LR"},
    {"232", "SL"},
    {"233", "GH"},
    {"234", "NG"},
    {"235", "TD"},
    {"236", "CF"},
    {"237", "CM"},
    {"238", "CV"},
    {"239", "ST"},
    {"240", "GQ"},
    {"241", "GA"},
    {"242", "CG"},
    {"243", "CD"},
    {"244", "AO"},
    {"245", "GW"},
    {"246", "IO"},
    {"247", "SH"},
    {"248", "SC"},
    {"249", "SD"},
    {"250", "RW"},
    {"251", "ET"},
    {"252", "SO"},
    {"253", "DJ"},
    {"254", "KE"},
    {"255", "TZ"},
    {"256", "UG"},
    {"257", "BI"},
    {"258", "MZ"},
    {"260", "ZM"},
    {"261", "MG"},
    {"262", "RE YT"},
    {"263", "ZW"},
    {"264", "NA"},
    {"265", "MW"},
    {"266", "LS"},
    {"267", "BW"},
    {"268", "SZ"},
    {"269", "KM"},
    {"290", "SH"},
    {"291", "ER"},
    {"297", "AW"},
    {"298", "FO"},
    {"299", "GL"},
    {"350", "GI"},
    {"351", "PT"},
    {"352", "LU"},
    {"353", "IE"},
    {"354", "IS"},
    {"355", "AL"},
    {"356", "MT"},
    {"357", "CY"},
    {"358", "FI AX"},
    {"359", "BG"},
    {"370", "LT"},
    {"371", "LV"},
    {"372", "EE"},
    {"373", "MD"},
    {"374", "AM"},
    {"375", "BY"},
    {"376", "AD"},
    {"377", "MC"},
    {"378", "SM"},
    {"379", "VA"},
    {"380", "UA"},
    {"381", "RS"},
    {"382", "ME"},
    {"385", "HR"},
    {"386", "SI"},
    {"387", "BA"},
    {"389", "MK"},
    {"420", "CZ"},
    {"421", "SK"},
    {"423", "LI"},
    {"500", "FK GS"},
    {"501", "BZ"},
    {"502", "GT"},
    {"503", "SV"},
    {"504", "HN"},
    {"505", "NI"},
    {"506", "CR"},
    {"507", "PA"},
    {"508", "PM"},
    {"509", "HT"},
    {"590", "GP BL MF"},
    {"591", "BO"},
    {"592", "GY"},
    {"593", "EC"},
    {"594", "GF"},
    {"595", "PY"},
    {"596", "MQ"},
    {"597", "SR"},
    {"598", "UY"},
    {"599", "CW BQ"},
    {"670", "TL"},
    {"672", "NF AQ"},
    {"673", "BN"},
    {"674", "NR"},
    {"675", "PG"},
    {"676", "TO"},
    {"677", "SB"},
    {"678", "VU"},
    {"679", "FJ"},
    {"680", "PW"},
    {"681", "WF"},
    {"682", "CK"},
    {"683", "NU"},
    {"685", "WS"},
    {"686", "KI"},
    {"687", "NC"},
    {"688", "TV"},
    {"689", "PF"},
    {"690", "TK"},
    {"691", "FM"},
    {"692", "MH"},
    {"850", "KP"},
    {"852", "HK"},
    {"853", "MO"},
    {"855", "KH"},
    {"856", "LA"},
    {"880", "BD"},
    {"886", "TW"},
    {"960", "MV"},
    {"961", "LB"},
    {"962", "JO"},
    {"963", "SY"},
    {"964", "IQ"},
    {"965", "KW"},
    {"966", "SA"},
    {"967", "YE"},
    {"968", "OM"},
    {"970", "PS"},
    {"971", "AE"},
    {"972", "IL"},
    {"973", "BH"},
    {"974", "QA"},
    {"975", "BT"},
    {"976", "MN"},
    {"977", "NP"},
    {"992", "TJ"},
    {"993", "TM"},
    {"994", "AZ"},
    {"995", "GE"},
    {"996", "KG"},
    {"998", "UZ"}};

// The calling code of an E.164 number ("+" and digits), or nullptr when it starts with none that
// serves a region.
constexpr const calling_code* find_calling_code(std::string_view e164) noexcept {
  if (e164.empty() || e164[0] != '+') return nullptr;
  const std::string_view digits = e164.substr(1);
  for (const calling_code& c : calling_codes)
    if (digits.starts_with(c.digits)) return &c;
  return nullptr;
}

// True when `region` (an upper-case alpha-2 code) is one of the regions `code` serves.
constexpr bool serves(const calling_code& code, std::string_view region) noexcept {
  if (region.size() != 2) return false;
  for (std::size_t i = 0; i + 2 <= code.regions.size(); i += 3)
    if (code.regions.substr(i, 2) == region) return true;
  return false;
}

}  // namespace vnum::detail

#endif  // VNUM_DETAIL_COUNTRY_HPP
