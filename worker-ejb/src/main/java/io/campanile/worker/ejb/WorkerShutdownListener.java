package io.campanile.worker.ejb;

import jakarta.ejb.EJB;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Stops the worker when the web application that holds it stops: Payara Micro stops a web application on SIGTERM
 * without calling the {@code @PreDestroy} of its singleton EJBs (payara/Payara#4573), so the worker would neither
 * finish its running attempts within its grace period nor report the rest as interrupted, and the owner would retry
 * them only after taking the worker for lost. Stopping twice is harmless: the bean's {@code @PreDestroy} then finds
 * the worker stopped.
 */
@WebListener
public class WorkerShutdownListener implements ServletContextListener {

    @EJB
    private CampanileWorkerBean worker;

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        worker.shutdown();
    }
}
