package cn.xinfang.petition.app.config;

import cn.xinfang.petition.api.event.CaseEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

/** Puts the case id of the event being handled into the logging MDC, so every log line of a handler names its case. */
class CaseIdLogging implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object payload = unitOfWork.getMessage().getPayload();
        if (!(payload instanceof CaseEvent e)) {
            return chain.proceed();
        }
        MDC.put("caseId", e.caseId().value());
        try {
            return chain.proceed();
        } finally {
            MDC.remove("caseId");
        }
    }
}
