// Writing a page of the learner list as JSON (api/render, api/json_writer): the reply the
// learner list and search send most, 50 learners in summary and whole.
#include <benchmark/benchmark.h>

#include "api/render.hpp"

namespace {

lt::store::Page<lt::store::LearnerRow> demo_page() {
  lt::store::Page<lt::store::LearnerRow> page;
  for (int i = 0; i < 50; ++i) {
    lt::store::LearnerRow l;
    l.id = 100000 + i;
    l.user_id = 200000 + i;
    l.provider_id = 3;
    l.provider_name = "Northfield Sixth Form College";
    l.username = "amelia.smith" + std::to_string(i);
    l.first_name = "Amelia";
    l.last_name = "Smith";
    l.email = "amelia.smith" + std::to_string(i) + "@example.ac.uk";
    l.last_login_at = "2026-11-02T09:14:05Z";
    l.year_group = "year_12";
    l.uln = "1234567890";
    l.date_of_birth = "2009-03-14";
    l.street = "Acacia Avenue";
    l.town = "Sheffield";
    l.postcode = "S10 2TN";
    l.telephone = "0114 496 0123";
    l.created_at = l.updated_at = "2026-09-01T08:00:00Z";
    page.items.push_back(std::move(l));
  }
  page.next_cursor = "736d697468.100049";
  page.total = 1000000;
  return page;
}

void BM_LearnerPageJson(benchmark::State& state) {
  const auto page = demo_page();
  const bool summary = state.range(0) != 0;
  for (auto _ : state) benchmark::DoNotOptimize(lt::api::learner_page_json(page, summary));
}
BENCHMARK(BM_LearnerPageJson)->Arg(1)->Arg(0)->ArgName("summary");

}  // namespace
