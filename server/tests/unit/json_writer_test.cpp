// The streaming JSON writer: its text parses back to what was written, matches nlohmann's compact
// dump for the same values, escapes what JSON requires and never emits invalid UTF-8.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/json_writer.hpp"
#include "api/render.hpp"

using lt::api::JsonWriter;

TEST(JsonWriter, NestsObjectsAndArraysWithCommasInTheRightPlaces) {
  JsonWriter w;
  w.begin_object()
      .member("a", 1)
      .key("list")
      .begin_array()
      .value(1)
      .begin_object()
      .end_object()
      .begin_array()
      .end_array()
      .value("x")
      .end_array()
      .member("b", true)
      .member("c", std::optional<std::string>())
      .member("d", std::optional<std::string>("yes"))
      .member("big", static_cast<long long>(9007199254740993LL))
      .member("neg", -42)
      .end_object();
  EXPECT_EQ(w.text(),
            R"({"a":1,"list":[1,{},[],"x"],"b":true,"c":null,"d":"yes","big":9007199254740993,)"
            R"("neg":-42})");
}

TEST(JsonWriter, EscapesLikeNlohmannForValidText) {
  const std::string samples[] = {"plain",
                                 "quote \" and \\ backslash",
                                 "tab\tnew\nline\r",
                                 std::string("nul\0byte", 8),
                                 "\x01\x1f\x7f",
                                 "O\xE2\x80\x99"
                                 "Brien \xC3\xA9t\xC3\xA9",
                                 "\xF0\x9F\x98\x80",
                                 "/slash/ \b\f"};
  for (const auto& s : samples) {
    JsonWriter w;
    w.value(s);
    EXPECT_EQ(w.text(), nlohmann::json(s).dump()) << s;
  }
}

// The writer steps over plain text eight bytes at a time: every special byte, at every place of a
// longer string, must still be escaped exactly as nlohmann escapes it.
TEST(JsonWriter, EscapesEverySpecialByteAtEveryPlaceOfALongString) {
  const std::string specials[] = {
      "\"",       "\\",           std::string(1, '\0'), "\x1f", "\n", "\x7f",
      "\xC3\xA9", "\xE2\x80\x99", "\xF0\x9F\x98\x80",   " ",    "~"};
  for (const auto& special : specials) {
    for (std::size_t at = 0; at <= 20; ++at) {
      std::string s = std::string(at, 'a') + special + std::string(20 - at, 'z');
      JsonWriter w;
      w.value(s);
      EXPECT_EQ(w.text(), nlohmann::json(s).dump()) << "at " << at;
    }
  }
}

TEST(JsonWriter, ReplacesInvalidUtf8SoTheReplyStaysValid) {
  const std::string samples[] = {
      "\xFF", "a\xC3", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "ok\xE2\x82z"};
  for (const auto& s : samples) {
    JsonWriter w;
    w.value(s);
    auto parsed = nlohmann::json::parse(w.text(), nullptr, false);
    ASSERT_FALSE(parsed.is_discarded()) << w.text();
    EXPECT_NE(parsed.get<std::string>().find("\xEF\xBF\xBD"), std::string::npos);
  }
}

TEST(JsonWriter, LearnerPageParsesBackToItsFields) {
  lt::store::Page<lt::store::LearnerRow> page;
  lt::store::LearnerRow l;
  l.id = 7;
  l.username = "jo.o'brien";
  l.first_name = "Jo";
  l.last_name = "O\"Brien";
  l.email = std::nullopt;
  l.last_login_at = "2026-01-02T03:04:05Z";
  l.locked = true;
  l.version = 3;
  page.items = {l, l};
  page.items[1].id = 8;
  page.next_cursor = "abc.8";
  page.total = 1234567;
  const auto parsed = nlohmann::json::parse(lt::api::learner_page_json(page).text);
  ASSERT_EQ(parsed["items"].size(), 2u);
  EXPECT_EQ(parsed["items"][0]["last_name"], "O\"Brien");
  EXPECT_TRUE(parsed["items"][0]["email"].is_null());
  EXPECT_EQ(parsed["items"][0]["locked"], true);
  EXPECT_EQ(parsed["items"][0]["sections"]["reference"], "incomplete");
  EXPECT_EQ(parsed["items"][1]["id"], 8);
  EXPECT_EQ(parsed["items"][1]["version"], 3);
  EXPECT_EQ(parsed["next_cursor"], "abc.8");
  EXPECT_EQ(parsed["total"], 1234567);
}
