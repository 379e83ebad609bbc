package io.campanile.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campanile.api.admin.AppPage;
import io.campanile.api.admin.AppView;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ListAppsTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    private final ListApps listing = new ListApps(new ManageApps() {
        @Override
        public List<AppView> list() {
            return Stream.of("delta", "alpha", "echo", "charlie", "bravo")
                    .map(name -> new AppView(name, T, null, null))
                    .toList();
        }
    });

    @Test
    void pages_by_name_until_the_last_page_which_has_no_next() {
        AppPage first = listing.list(AppQuery.parse("2", null), name -> true);
        AppPage second = listing.list(AppQuery.parse("2", first.next()), name -> true);
        AppPage last = listing.list(AppQuery.parse("2", second.next()), name -> true);

        assertThat(first.items()).extracting(AppView::name).containsExactly("alpha", "bravo");
        assertThat(second.items()).extracting(AppView::name).containsExactly("charlie", "delta");
        assertThat(last.items()).extracting(AppView::name).containsExactly("echo");
        assertThat(last.next()).isNull();
        assertThat(first.total()).isEqualTo(5);
    }

    @Test
    void a_caller_limited_to_some_apps_sees_and_counts_only_those() {
        AppPage page = listing.list(AppQuery.parse(null, null), name -> name.startsWith("b") || name.equals("echo"));

        assertThat(page.items()).extracting(AppView::name).containsExactly("bravo", "echo");
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.next()).isNull();
    }

    @Test
    void a_bad_limit_or_cursor_is_refused_naming_it() {
        assertThatThrownBy(() -> AppQuery.parse("0", null)).hasMessageContaining("limit");
        assertThatThrownBy(() -> AppQuery.parse(null, "not-a-cursor")).hasMessageContaining("cursor");
        assertThatThrownBy(() -> AppQuery.parse(null, JobQuery.cursorAfter("x")))
                .hasMessageContaining("cursor");
    }
}
