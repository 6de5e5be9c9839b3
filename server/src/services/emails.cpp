// Email wording.
#include "services/emails.hpp"

namespace lt::services::emails {

namespace {
std::string greeting(const std::string& first_name) {
  return first_name.empty() ? "Hello,\n\n" : "Hello " + first_name + ",\n\n";
}
}  // namespace

Email verification(const std::string& first_name, const std::string& username,
                   const std::string& link) {
  return {"Verify your Learnertrack account",
          greeting(first_name) + "An account has been set up for you on Learnertrack.\n\n" +
              "Your username is: " + username + "\n\n" +
              "To verify your account and choose your password, open this link:\n\n" + link +
              "\n\nThe link works once and expires in 7 days. If you were not expecting this "
              "email, you can ignore it.\n"};
}

Email password_reset(const std::string& first_name, const std::string& username,
                     const std::string& link) {
  return {"Reset your Learnertrack password",
          greeting(first_name) + "We received a request to reset the password for the account " +
              username + ".\n\nTo choose a new password, open this link:\n\n" + link +
              "\n\nThe link works once and expires in one hour. If you did not ask for this, "
              "you can ignore this email: your password has not changed.\n"};
}

}  // namespace lt::services::emails
