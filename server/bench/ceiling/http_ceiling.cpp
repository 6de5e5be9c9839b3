// The machine's HTTP ceiling: the smallest Beast server that answers like ours (one Asio I/O
// thread, one coroutine per keep-alive connection, a parsed request in, a 200 with a short body
// out) and does nothing else. DESIGN section 10 gives its budgets beside "a trivial Beast route
// serves about 65-70k req/s at 64 connections with one I/O thread"; scripts/bench runs wrk
// against this program to say what that figure is on the machine at hand, so its results can be
// read as ratios to it. Usage: lt_http_ceiling PORT (listens on 127.0.0.1 until killed).
#include <utility>  // first: Boost 1.74's asio/awaitable.hpp uses std::exchange without it

#include <cstdlib>
#include <iostream>
#include <string>

#include <boost/asio.hpp>
#include <boost/beast.hpp>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

asio::awaitable<void> serve(tcp::socket socket) {
  beast::tcp_stream stream(std::move(socket));
  beast::flat_buffer buffer;
  beast::error_code ec;
  for (;;) {
    http::request<http::string_body> request;
    co_await http::async_read(stream, buffer, request,
                              asio::redirect_error(asio::use_awaitable, ec));
    if (ec) break;
    http::response<http::string_body> response(http::status::ok, request.version());
    response.set(http::field::content_type, "text/plain");
    response.keep_alive(request.keep_alive());
    response.body() = "ok";
    response.prepare_payload();
    co_await http::async_write(stream, response, asio::redirect_error(asio::use_awaitable, ec));
    if (ec || !response.keep_alive()) break;
  }
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
}

asio::awaitable<void> listen(tcp::acceptor acceptor) {
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    socket.set_option(tcp::no_delay(true));
    asio::co_spawn(acceptor.get_executor(), serve(std::move(socket)), asio::detached);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: lt_http_ceiling PORT\n";
    return 2;
  }
  asio::io_context io(1);
  tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"),
                         static_cast<unsigned short>(std::atoi(argv[1])));
  asio::co_spawn(io, listen(tcp::acceptor(io, endpoint)), asio::detached);
  io.run();
}
