/**
 * Books of business: which manager owns which high- and low-touch account, within every manager's hours,
 * account count and skills, keeping last month's manager where that holds, and balancing hours and ARR
 * ({@link dev.cskit.touchmodel.books.Books#assign}).
 */
package dev.cskit.touchmodel.books;
