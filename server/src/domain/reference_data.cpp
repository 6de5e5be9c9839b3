// Reference lists (see reference_data.hpp). Labels follow the seeded rows: the ethnicity labels
// name the 2011 Census group before the category, as the ILR and census forms group them.
#include "domain/reference_data.hpp"

#include <algorithm>

namespace lt::domain {

const CodeList& year_groups() {
  static const CodeList list = {
      {"year_7", "Year 7"},   {"year_8", "Year 8"},   {"year_9", "Year 9"},
      {"year_10", "Year 10"}, {"year_11", "Year 11"}, {"year_12", "Year 12"},
      {"year_13", "Year 13"}, {"post_16", "Post-16"}, {"adult", "Adult (19+)"},
  };
  return list;
}

const CodeList& genders() {
  static const CodeList list = {
      {"female", "Female"},
      {"male", "Male"},
      {"not_known", "Not known"},
      {"not_specified", "Not specified"},
  };
  return list;
}

const CodeList& ethnicities() {
  static const CodeList list = {
      {"31", "White: English, Welsh, Scottish, Northern Irish or British"},
      {"32", "White: Irish"},
      {"33", "White: Gypsy or Irish Traveller"},
      {"34", "White: any other White background"},
      {"35", "Mixed: White and Black Caribbean"},
      {"36", "Mixed: White and Black African"},
      {"37", "Mixed: White and Asian"},
      {"38", "Mixed: any other mixed or multiple ethnic background"},
      {"39", "Asian or Asian British: Indian"},
      {"40", "Asian or Asian British: Pakistani"},
      {"41", "Asian or Asian British: Bangladeshi"},
      {"42", "Asian or Asian British: Chinese"},
      {"43", "Asian or Asian British: any other Asian background"},
      {"44", "Black, African, Caribbean or Black British: African"},
      {"45", "Black, African, Caribbean or Black British: Caribbean"},
      {"46", "Black, African, Caribbean or Black British: any other Black background"},
      {"47", "Other ethnic group: Arab"},
      {"98", "Other ethnic group: any other ethnic group"},
      {"99", "Not provided"},
  };
  return list;
}

const CodeList& reference_ratings() {
  static const CodeList list = {
      {"excellent", "Excellent"},         {"good", "Good"}, {"average", "Average"},
      {"below_average", "Below average"}, {"poor", "Poor"},
  };
  return list;
}

const std::vector<std::string>& reference_list_names() {
  static const std::vector<std::string> names = {"year-groups", "genders", "ethnicities",
                                                 "reference-ratings"};
  return names;
}

const CodeList* reference_list(std::string_view name) {
  if (name == "year-groups") return &year_groups();
  if (name == "genders") return &genders();
  if (name == "ethnicities") return &ethnicities();
  if (name == "reference-ratings") return &reference_ratings();
  return nullptr;
}

const CodeLabel* find_code(const CodeList& list, std::string_view code) {
  const auto it =
      std::find_if(list.begin(), list.end(), [&](const CodeLabel& c) { return c.code == code; });
  return it == list.end() ? nullptr : &*it;
}

}  // namespace lt::domain
