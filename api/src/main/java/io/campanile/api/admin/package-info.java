/** Requests and views of the admin API ({@code /api/admin/...}). */
package io.campanile.api.admin;
