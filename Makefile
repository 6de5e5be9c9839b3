# Thin wrappers over scripts/: every real step lives there so CI and people run the same thing.
.PHONY: run build test bench fuzz fmt setup clean

run: build
	./build/learnertrack serve

build:
	scripts/setup
	scripts/build

test:
	scripts/test

bench: build
	scripts/bench

fuzz:
	scripts/setup
	FUZZ_SECONDS=$${FUZZ_SECONDS:-120} scripts/fuzz

fmt:
	find server -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

setup:
	scripts/setup

clean:
	rm -rf build web/dist
