// The reference lists forms offer, seeded by migrations.
#include <gtest/gtest.h>

#include "support/app/test_app.hpp"

using lt::test::TestApp;

TEST(Reference, ListsYearGroupsGendersAndEthnicities) {
  TestApp t;
  auto admin = t.admin();
  auto years = admin->get("/api/v1/reference/year-groups");
  ASSERT_EQ(years.status, 200);
  const auto items = years.json();
  ASSERT_TRUE(items.is_array());
  EXPECT_EQ(items.front()["code"], "year_7");
  EXPECT_EQ(items.front()["label"], "Year 7");
  EXPECT_EQ(items.size(), 9u);
  const auto genders = admin->get("/api/v1/reference/genders").json();
  EXPECT_EQ(genders.size(), 4u);
  EXPECT_EQ(genders[3]["label"], "Not specified");
  const auto ethnicities = admin->get("/api/v1/reference/ethnicities").json();
  EXPECT_EQ(ethnicities.size(), 19u) << "the 18 categories of 2011 plus not provided";
  EXPECT_EQ(ethnicities[0]["code"], "31");
  EXPECT_EQ(ethnicities.back()["code"], "99");
  EXPECT_EQ(admin->get("/api/v1/reference/planets").status, 404);
  EXPECT_EQ(t.client()->get("/api/v1/reference/genders").status, 401);
}
