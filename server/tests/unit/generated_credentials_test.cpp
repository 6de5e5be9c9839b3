// Generated usernames (domain/generated_username) and the secret box that seals generated
// passwords (auth/secret_box): table-driven cases, and the box refusing altered or foreign text.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "auth/secret_box.hpp"
#include "domain/generated_username.hpp"
#include "domain/learner_rules.hpp"

using lt::auth::SecretBox;
using lt::domain::username_base;
using lt::domain::username_candidate;

TEST(GeneratedUsername, BasesAreReadableAsciiFromTheNames) {
  const struct {
    const char *first, *last, *base;
  } cases[] = {
      {"Amelia", "Smith", "amelia.smith"},
      {"  Mary Jane ", "Watson", "mary-jane.watson"},
      {"Zoë", "O'Neil-Hart", "zo.oneil-hart"},
      {"李", "Wei", "wei"},
      {"李", "王", "learner"},
      {"Al", "", "al"},
      {"-", "-", "learner"},
  };
  for (const auto& c : cases) EXPECT_EQ(username_base(c.first, c.last), c.base) << c.first;
  EXPECT_LE(username_base(std::string(300, 'a'), "b").size(), 115u);
}

TEST(GeneratedUsername, CandidatesNumberOnAndMeetTheUsernameRule) {
  EXPECT_EQ(username_candidate("amelia.smith", 1), "amelia.smith");
  EXPECT_EQ(username_candidate("amelia.smith", 2), "amelia.smith2");
  EXPECT_EQ(username_candidate("al.li", 1), "al.li1");
  EXPECT_EQ(username_candidate("a.b", 1), "a.b001");
  EXPECT_EQ(username_candidate("a.b", 12), "a.b012");
  for (const std::string& base :
       std::vector<std::string>{"a", "learner", "mary-jane.watson", std::string(115, 'x')})
    for (unsigned long n : {1ul, 2ul, 999999ul})
      EXPECT_TRUE(lt::domain::check_learner_username(username_candidate(base, n)))
          << base << " " << n;
}

TEST(SecretBox, SealsAndOpensButRefusesAlteredOrForeignText) {
  const auto box = SecretBox::ephemeral();
  const std::string sealed = box.seal("Abcd2345!");
  EXPECT_EQ(sealed.find("Abcd"), std::string::npos) << "not in plain text";
  EXPECT_NE(box.seal("Abcd2345!"), sealed) << "a fresh nonce every time";
  EXPECT_EQ(box.open(sealed), "Abcd2345!");
  std::string altered = sealed;
  altered[altered.size() / 2] = altered[altered.size() / 2] == 'A' ? 'B' : 'A';
  EXPECT_EQ(box.open(altered), std::nullopt);
  EXPECT_EQ(box.open("short"), std::nullopt);
  EXPECT_EQ(SecretBox::ephemeral().open(sealed), std::nullopt) << "another key";
}

TEST(SecretBox, SealingManyAtOnceGivesEachItsOwnNonce) {
  const auto box = SecretBox::ephemeral();
  const std::vector<std::string> plains = {"Abcd2345!", "Abcd2345!", "Wxyz6789?"};
  const auto sealed = box.seal_all(plains);
  ASSERT_EQ(sealed.size(), plains.size());
  for (std::size_t i = 0; i < plains.size(); ++i) EXPECT_EQ(box.open(sealed[i]), plains[i]);
  EXPECT_NE(sealed[0], sealed[1]) << "the same password twice is sealed differently";
  std::set<std::string> nonces;
  for (const auto& s : sealed) nonces.insert(s.substr(0, 32));  // 24 bytes of nonce in base64
  EXPECT_EQ(nonces.size(), sealed.size());
}

TEST(SecretBox, KeyFilesAreMadeOnceAndReadBack) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("lt-key-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  const std::string path = (dir / "secret.key").string();
  EXPECT_THROW(SecretBox::from_file(path, false), std::runtime_error) << "not made unless asked";
  const auto made = SecretBox::from_file(path, true);
  EXPECT_EQ(std::filesystem::status(path).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  const auto read = SecretBox::from_file(path, true);
  EXPECT_EQ(read.open(made.seal("same key")), "same key");
  std::ofstream(path) << "too short";
  EXPECT_THROW(SecretBox::from_file(path, false), std::runtime_error);
  std::filesystem::remove_all(dir);
}
