// "Skip to main content": the first thing a keyboard user reaches on every page.
export function SkipLink() {
  return (
    <a
      href="#main"
      className="lt-skip-link"
      onClick={(e) => {
        e.preventDefault();
        const main = document.getElementById('main');
        main?.focus();
        main?.scrollIntoView();
      }}
    >
      Skip to main content
    </a>
  );
}
