"""The news listings (/tin-tuc/, per category, per year) and the news feeds."""

from __future__ import annotations

from markupsafe import Markup

from cchc.core.feeds import Feed, FeedItem, newest_first
from cchc.core.pages import ContentPage, GeneratedPage, paginated_pages
from cchc.kinds.news.model import NEWS_DIR, Article, News
from cchc.site.settings import Settings

ARTICLE_TEMPLATE = "article.html"
ARTICLE_BODY_TEMPLATE = "partials/cchc-article-body.html"


def lead_and_rest(html: str) -> tuple[Markup, Markup]:
    """An article's converted Markdown cut after its first paragraph: search indexes the lead only.

    Measured at 2,000 articles (bench/lighthouse.py): with whole bodies indexed, a first search for "thu tuc" fetched
    685 KB of the articles' index alone, Vietnamese being made of a few thousand short, very frequent syllables;
    the title, summary, tags and first paragraph say what an article is about.
    """
    end = html.find("</p>")
    cut = end + len("</p>") if end >= 0 else len(html)
    return Markup(html[:cut]), Markup(html[cut:])


def build_news_pages(news: News, settings: Settings) -> list[GeneratedPage]:
    per_page = settings.news_per_page
    common = {"categories": settings.categories, "years": news.years}
    pages = paginated_pages(f"{NEWS_DIR}/", "Tin tức", "news-list.html", news.articles, per_page,
                            {**common, "feed_folder": ""},
                            f"Tin tức, hoạt động cải cách hành chính của {settings.department.name}")
    pages.append(GeneratedPage(f"{NEWS_DIR}/chuyen-muc/index.md", "Chuyên mục tin", "news-categories.html",
                               {**common, "counts": {c.slug: len(news.in_category(c)) for c in settings.categories}}))
    for category in settings.categories:
        pages += paginated_pages(category.url, category.name, "news-list.html", news.in_category(category),
                                 per_page, {**common, "category": category, "feed_folder": category.url},
                                 category.description)
    for year in news.years:
        pages += paginated_pages(f"{NEWS_DIR}/{year}/", f"Tin tức năm {year}", "news-list.html",
                                 news.in_year(year), per_page, {**common, "year": year, "feed_folder": ""})
    return pages


def build_article_pages(news: News) -> list[ContentPage]:
    """Each article at /tin-tuc/<slug>/ with its neighbours and related articles."""
    return [
        ContentPage(article.src_uri, article.url, ARTICLE_TEMPLATE,
                    {"article": article, "newer": news.newer(article), "older": news.older(article),
                     "related": news.related(article)}, body_template=ARTICLE_BODY_TEMPLATE)
        for article in news.articles
    ]


def build_news_feeds(news: News, settings: Settings) -> list[Feed]:
    owner = settings.department.short_name
    feeds = [Feed("", f"Tin tức CCHC – {owner}", f"Tin tức, hoạt động cải cách hành chính của "
                  f"{settings.department.name}", f"{NEWS_DIR}/", _items(news.articles))]
    for category in settings.categories:
        feeds.append(Feed(category.url, f"{category.name} – {owner}",
                          category.description or f"Chuyên mục {category.name}", category.url,
                          _items(news.in_category(category))))
    return feeds


def _items(articles: tuple[Article, ...] | list[Article]) -> tuple[FeedItem, ...]:
    return newest_first([_item(a) for a in articles])


def _item(article: Article) -> FeedItem:
    return FeedItem(
        key=f"{NEWS_DIR}/{article.slug}",
        title=article.title,
        url=article.url,
        summary=article.summary,
        published=article.published,
        updated=article.last_change,
        categories=(article.category.name, *article.tags),
    )
