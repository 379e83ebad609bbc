package io.campanile.cli;

/** Canned answers of the admin API, as the server writes them. */
final class Fixtures {

    static final String TOKEN = "s3cret-admin-token";

    private Fixtures() {}

    static String job(long id, String name, boolean enabled) {
        return """
                {"id":%d,"appName":"billing","name":"%s","processor":"invoice","scheduleType":"CRON",
                 "cron":"0 0 2 * * *","timeZone":"UTC","enabled":%s,"nextFireTime":"2026-12-02T02:00:00Z",
                 "createdAt":"2026-12-01T10:00:00.123456Z","revision":3,"misfirePolicy":"FIRE_ALL",
                 "overlapPolicy":"ALLOW","maxConcurrent":1,"logsLocal":false}"""
                .formatted(id, name, enabled);
    }

    static String instance(long id, String state) {
        return """
                {"id":%d,"jobId":7,"jobName":"nightly","appName":"billing","trigger":"API",
                 "fireTime":"2026-12-01T11:00:00Z","state":"%s","attempt":1,"epoch":2,"workerId":"w-1",
                 "createdAt":"2026-12-01T11:00:00Z","result":"done"}"""
                .formatted(id, state);
    }

    static String token(String name, String role, String apps) {
        return """
                {"name":"%s","role":"%s",%s"createdAt":"2026-12-01T10:00:00.5Z","createdBy":"bootstrap"}"""
                .formatted(name, role, apps == null ? "" : "\"apps\":" + apps + ",");
    }

    static String auditEntry(long id, String actor, String action, int status, boolean denied) {
        return """
                {"id":%d,"at":"2026-12-01T12:00:0%dZ","actor":"%s","action":"%s","method":"POST",
                 "path":"v1/apps/billing/jobs/7/pause","app":"billing","targetKind":"job","targetId":"7",
                 "status":%d,"denied":%s,"serverId":"srv-1","after":{"id":7,"enabled":false}}"""
                .formatted(id, id % 10, actor, action, status, denied);
    }

    static String error(int status, String code, String field, String message) {
        return """
                {"status":%d,"message":"%s","code":"%s"%s}"""
                .formatted(status, message, code, field == null ? "" : ",\"field\":\"" + field + "\"");
    }

    static String logPage(int attempt, long next, String state, boolean finished, String... messages) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < messages.length; i++) {
            lines.append(i == 0 ? "" : ",")
                    .append(
                            """
                            {"instanceId":42,"attempt":%d,"seq":%d,"at":"2026-12-01T11:00:0%dZ","level":"INFO",
                             "message":"%s"}"""
                                    .formatted(attempt, next - messages.length + 1 + i, i, messages[i]));
        }
        return """
                {"instanceId":42,"attempt":%d,"lines":[%s],"next":%d,"state":"%s","finished":%s}"""
                .formatted(attempt, lines, next, state, finished);
    }
}
